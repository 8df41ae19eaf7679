import type { AnchorHTMLAttributes, ButtonHTMLAttributes, Ref } from 'react';
import { Link, type LinkProps } from 'react-router';
import styles from './Button.module.css';

/**
 * How a button looks: `secondary` (bordered, the default), `primary` (the page's main action), `quiet`
 * (no border, accent text), `danger` (filled red: the confirming click of a destructive action) and
 * `danger-quiet` (bordered, red text: the button that opens that confirmation).
 */
export type ButtonVariant = 'secondary' | 'primary' | 'quiet' | 'danger' | 'danger-quiet';

interface ButtonLook {
  variant?: ButtonVariant;
  /** `small` inside tables, toolbars and lists. */
  size?: 'normal' | 'small';
  /** The caller's own class (its layout), after the button's. */
  className?: string;
}

const VARIANT_CLASSES: Record<ButtonVariant, string | undefined> = {
  secondary: undefined,
  primary: styles['button--primary'],
  quiet: styles['button--quiet'],
  danger: styles['button--danger'],
  'danger-quiet': styles['button--danger-quiet'],
};

function buttonClassName({ variant = 'secondary', size = 'normal', className }: ButtonLook): string {
  return [styles.button, VARIANT_CLASSES[variant], size === 'small' ? styles['button--small'] : undefined, className].filter(Boolean).join(' ');
}

export interface ButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'className'>, ButtonLook {
  ref?: Ref<HTMLButtonElement>;
}

/** A `<button>`, of type `button` unless `type` says `submit`. */
export function Button({ variant, size, className, type = 'button', ...button }: ButtonProps) {
  return <button {...button} type={type} className={buttonClassName({ variant, size, className })} />;
}

export interface ButtonLinkProps extends Omit<LinkProps, 'className'>, ButtonLook {
  ref?: Ref<HTMLAnchorElement>;
}

/** A link to another page of the console that looks like a button (it is still a link to a screen reader). */
export function ButtonLink({ variant, size, className, ...link }: ButtonLinkProps) {
  return <Link {...link} className={buttonClassName({ variant, size, className })} />;
}

export interface ButtonAnchorProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'className'>, ButtonLook {
  /** Outside the console's routes: the api (a download) or another site (single sign-on). */
  href: string;
}

/** A plain link (`<a href>`) that looks like a button, for addresses the console's router does not serve. */
export function ButtonAnchor({ variant, size, className, ...anchor }: ButtonAnchorProps) {
  return <a {...anchor} className={buttonClassName({ variant, size, className })} />;
}
