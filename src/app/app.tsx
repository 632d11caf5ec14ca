import { createHashRouter, RouterProvider } from 'react-router';
import { routes } from './routes.tsx';

// Hash routing: works from any sub-path, inside an LMS frame and offline.
const router = createHashRouter(routes);

export function App() {
  return <RouterProvider router={router} />;
}
