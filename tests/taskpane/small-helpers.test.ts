import { isDarkOfficeTheme, luminance } from '../../src/taskpane/logic/theme';
import { isoToDutch, serialToIso } from '../../src/taskpane/logic/dates';
import { yearToSerial } from '../../src/core/checklist';

describe('Office theme', () => {
  it('is dark for the black and dark grey Office themes and light for white and colorful', () => {
    expect(isDarkOfficeTheme({ bodyBackgroundColor: '#262626' })).toBe(true);
    expect(isDarkOfficeTheme({ bodyBackgroundColor: '#000000' })).toBe(true);
    expect(isDarkOfficeTheme({ bodyBackgroundColor: '#FFFFFF' })).toBe(false);
    expect(isDarkOfficeTheme({ bodyBackgroundColor: '#E6E6E6' })).toBe(false);
  });
  it('falls back to light when the theme is missing or unreadable', () => {
    expect(isDarkOfficeTheme(undefined)).toBe(false);
    expect(isDarkOfficeTheme({ bodyBackgroundColor: 'transparent' })).toBe(false);
    expect(luminance('#fff')).toBeNull();
  });
});

describe('dates', () => {
  it('turns an Excel serial date into the ISO date of a date input', () => {
    expect(serialToIso(yearToSerial(2030, 12, 31))).toBe('2030-12-31');
    expect(serialToIso(45292)).toBe('2024-01-01');
    expect(serialToIso(null)).toBe('');
  });
  it('writes an ISO date the Dutch way', () => {
    expect(isoToDutch('2030-12-31')).toBe('31-12-2030');
  });
});
