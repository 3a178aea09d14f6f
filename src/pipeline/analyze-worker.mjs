// Worker-thread entry: registers tsx in this thread, then serves analysis requests.
import { register } from 'tsx/esm/api';

register();
await import('./analyze-worker-impl.ts');
