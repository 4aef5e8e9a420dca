// The Admin screen now lives in screens/admin; the shell imports it from here.
export { AdminScreen } from '../admin/AdminScreen';
