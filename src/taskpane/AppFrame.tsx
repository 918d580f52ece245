/** The Fluent UI provider with the light or dark theme, filling the pane. */
import { FluentProvider, webDarkTheme, webLightTheme, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
});

export function AppFrame({ dark, children }: { dark: boolean; children: ReactNode }) {
  const styles = useStyles();
  return (
    // Layout styles go on an inner element: Fluent copies the provider's classes onto its
    // portal nodes (dropdowns, dialogs), and a full-height portal node would cover the page.
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} lang="nl">
      <div className={styles.root}>{children}</div>
    </FluentProvider>
  );
}
