/** Style pieces several screens share, spread into their makeStyles: a list shown as a plain column, without bullets. */
import type { GriffelStyle } from '@fluentui/react-components';

export const plainColumnList: GriffelStyle = {
  listStyle: 'none',
  margin: 0,
  padding: 0,
  display: 'flex',
  flexDirection: 'column',
};
