/** The product sends nothing anywhere: guard the office-addin tools' usage data. */
import * as fs from 'fs';
import * as path from 'path';

test('office-addin-usage-data is a version that reports nothing and is off', () => {
  const pkg = JSON.parse(fs.readFileSync(require.resolve('office-addin-usage-data/package.json'), 'utf8'));
  expect(Number(pkg.version.split('.')[0])).toBeGreaterThanOrEqual(3);
  const { OfficeAddinUsageData, UsageDataLevel } = require('office-addin-usage-data');
  const u = new OfficeAddinUsageData({
    projectName: 'koppelkansen',
    instrumentationKey: '00000000-0000-0000-0000-000000000000',
    promptQuestion: '',
    raisePrompt: false,
    usageDataLevel: UsageDataLevel.off,
  });
  expect(u.getUsageDataLevel()).toBe('off');
  // 3.x has no network client at all (older versions shipped applicationinsights).
  expect(Object.keys(pkg.dependencies ?? {})).toEqual(['commander']);
  expect(() => require.resolve('applicationinsights')).toThrow();
});

test('the shipped task pane loads nothing but office.js from Microsoft and its own files', () => {
  const html = fs.readFileSync(path.resolve(__dirname, '../src/taskpane/taskpane.html'), 'utf8');
  const urls = [...html.matchAll(/https?:\/\/[^"' )]+/g)].map((m) => m[0]);
  expect(urls.filter((u) => !u.startsWith('https://appsforoffice.microsoft.com/lib/1/hosted/office.js'))).toEqual([]);
});
