import { createBrowserRouter, Navigate } from 'react-router';
import { RouteErrorPage } from '../components/RouteErrorPage.tsx';
import { NotFoundPage } from '../components/NotFoundPage.tsx';
import { VendorPage } from '../features/vendors/VendorPage.tsx';
import { VendorsPage } from '../features/vendors/VendorsPage.tsx';
import { Layout } from './Layout.tsx';

export const router = createBrowserRouter([
  {
    element: <Layout />,
    errorElement: <RouteErrorPage />,
    children: [
      { index: true, element: <Navigate to="/vendors" replace /> },
      { path: 'vendors', element: <VendorsPage />, errorElement: <RouteErrorPage /> },
      { path: 'vendors/:vendorId', element: <VendorPage />, errorElement: <RouteErrorPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
