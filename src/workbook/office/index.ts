export { OfficeWorkbook } from './officeWorkbook';
