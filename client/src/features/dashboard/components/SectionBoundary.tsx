/**
 * Catches a section that fails to render, so one broken view does not blank
 * the whole dashboard: the rest of the page stays, and this section offers a retry.
 */
import { Component, type ReactNode } from 'react';
import { ErrorState } from '../../../components/QueryStates.tsx';

interface SectionBoundaryProps {
  title: string;
  children: ReactNode;
}

export class SectionBoundary extends Component<SectionBoundaryProps, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override render() {
    if (this.state.error) {
      return <ErrorState error={this.state.error} title={`${this.props.title} could not be shown`} onRetry={() => this.setState({ error: null })} />;
    }
    return this.props.children;
  }
}
