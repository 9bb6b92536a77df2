/**
 * The frame every icon of the desk is drawn in: a 24×24 SVG stroked in the text's colour, so
 * an icon follows the theme, the button's state and forced colours like the words beside it.
 * Icons are decoration: the control carrying one is named by its own label, so the SVG is
 * hidden from assistive technology. Shipped in the bundle — nothing depends on an emoji font.
 */
import type { ReactNode, SVGProps } from 'react';

export type IconProps = Omit<SVGProps<SVGSVGElement>, 'children'> & { readonly size?: number | string };

export function Icon({ size = '1.15em', className, children, ...rest }: IconProps & { readonly children: ReactNode }) {
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox="0 0 24 24"
      width={size}
      height={size}
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      className={className ? `icon ${className}` : 'icon'}
      {...rest}
    >
      {children}
    </svg>
  );
}
