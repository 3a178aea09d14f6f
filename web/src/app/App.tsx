import { I18nProvider } from './I18nProvider.tsx';
import { RouterProvider } from './RouterProvider.tsx';
import { SessionGate } from './SessionGate.tsx';
import { SessionProvider } from './SessionProvider.tsx';

/** Providers only; screens are chosen in RouteView. */
export function App() {
  return (
    <I18nProvider>
      <RouterProvider>
        <SessionProvider>
          <SessionGate />
        </SessionProvider>
      </RouterProvider>
    </I18nProvider>
  );
}
