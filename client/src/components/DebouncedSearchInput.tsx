/**
 * A labelled search box that reports its text after a pause in typing, and
 * follows its value when it changes from outside (Clear filters, the back button).
 */
import { CloseButton, TextInput, type TextInputProps } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useRef, useState } from 'react';

interface DebouncedSearchInputProps extends Omit<TextInputProps, 'value' | 'onChange' | 'defaultValue'> {
  label: string;
  value: string;
  onSearch: (value: string) => void;
  delay?: number;
}

export function DebouncedSearchInput({ value, onSearch, delay = 300, label, ...props }: DebouncedSearchInputProps) {
  const [text, setText] = useState(value);
  const [seen, setSeen] = useState(value);
  const [committed, setCommitted] = useState(value);
  const commit = useDebouncedCallback((next: string) => {
    setCommitted(next);
    onSearch(next);
  }, delay);

  // A new value that we did not send ourselves came from outside: show it.
  if (value !== seen) {
    setSeen(value);
    if (value !== committed) {
      commit.cancel();
      setCommitted(value);
      setText(value);
    }
  }

  const inputRef = useRef<HTMLInputElement>(null);
  const change = (next: string) => {
    setText(next);
    commit(next);
  };
  // The clear button disappears once used, so focus goes back to the box rather than to the page.
  const clear = () => {
    change('');
    commit.flush();
    inputRef.current?.focus();
  };

  return (
    <TextInput
      ref={inputRef}
      label={label}
      inputMode="search"
      enterKeyHint="search"
      value={text}
      onChange={(event) => change(event.currentTarget.value)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit.flush();
      }}
      rightSection={text ? <CloseButton size="sm" aria-label="Clear search" onClick={clear} /> : null}
      {...props}
    />
  );
}
