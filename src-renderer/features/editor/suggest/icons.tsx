/** Icons of the suggestion buttons, in the frame of the desk's icon set (shared/icons). */
import { Icon, type IconProps } from '../../../shared/icons/Icon';

/** A pen over an underline: writing proposed rather than made. */
export const SuggestIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M14.5 4.5l3 3L9 16H6v-3zM4 20h16" />
  </Icon>
);

export const AcceptAllIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="m1.5 13 3.5 3.5 7-8M9.5 13l3.5 3.5 8.5-9" />
  </Icon>
);

export const RejectAllIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M4 7l8 8M12 7l-8 8M13 7l8 8M21 7l-8 8" />
  </Icon>
);
