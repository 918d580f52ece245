export { OfficeWorkbook, type OfficeWorkbookOptions } from './officeWorkbook';
export { defaultExcelRun, withCellEditRetry, type ExcelRun, type RetryOptions } from './excelRun';
export { OfficeWorkbookError, toOfficeWorkbookError, type OfficeErrorKind } from './officeErrors';
export { checkRequirements, subscribeToChanges, REQUIRED_EXCEL_API, type RequirementCheck, type SubscribeOptions } from './environment';
export { columnWidthPoints } from './styles';
