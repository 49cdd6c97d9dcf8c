/**
 * Every email Orgraph sends, as plain text. Links are absolute (see PublicUrl) and carry their one-time token in the
 * URL fragment, so the token never reaches a server log or a Referer header.
 */
export type EmailKind = 'INVITE' | 'ALERT_FIRED' | 'PASSWORD_RESET' | 'SIGN_UP_CONFIRMATION' | 'SIGN_UP_EXISTING' | 'PASSWORD_CHANGED' | 'OTHER';

export interface RenderedEmail {
  kind: EmailKind;
  subject: string;
  body: string;
}

function utc(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function inviteEmail(input: { targetLabel: string; email: string; link: string; expiresAt: Date }): RenderedEmail {
  return {
    kind: 'INVITE',
    subject: `You are invited to ${input.targetLabel} on Orgraph`,
    body:
      `You have been invited to join ${input.targetLabel} on Orgraph.\n\n` +
      `Open this link to accept (sign in or create your account with ${input.email}):\n${input.link}\n\n` +
      `The invite expires on ${utc(input.expiresAt)}. If you did not expect it, ignore this email.\n`,
  };
}

export function alertFiredEmail(input: {
  scopeLabel: string;
  period: 'DAY' | 'MONTH';
  spend: string;
  threshold: string;
  hardLimit: boolean;
  link: string;
}): RenderedEmail {
  return {
    kind: 'ALERT_FIRED',
    subject: `Spending alert: ${input.spend} USD reached (threshold ${input.threshold})`,
    body:
      `Spend of ${input.scopeLabel} this ${input.period === 'DAY' ? 'day' : 'month'} reached ${input.spend} USD, ` +
      `above the alert threshold of ${input.threshold} USD.` +
      (input.hardLimit ? ' This is a hard limit: model access is denied until the period ends or the limit is raised.' : '') +
      `\n\nReview spend and alerts: ${input.link}\n`,
  };
}

export function passwordResetEmail(input: { link: string; expiresAt: Date }): RenderedEmail {
  return {
    kind: 'PASSWORD_RESET',
    subject: 'Reset your Orgraph password',
    body:
      `Someone (hopefully you) asked to reset the password of your Orgraph account.\n\n` +
      `Choose a new password here:\n${input.link}\n\n` +
      `The link works once and expires on ${utc(input.expiresAt)}. Resetting ends every session of the account.\n` +
      `If you did not ask for this, ignore this email: your password stays as it is.\n`,
  };
}

export function signUpConfirmationEmail(input: { link: string; expiresAt: Date }): RenderedEmail {
  return {
    kind: 'SIGN_UP_CONFIRMATION',
    subject: 'Confirm your Orgraph account',
    body:
      `Welcome to Orgraph. Confirm your email address to finish creating your account:\n${input.link}\n\n` +
      `The link works once and expires on ${utc(input.expiresAt)}. If you did not sign up, ignore this email.\n`,
  };
}

/** Sent instead of a confirmation when the address already has an account: the sign-up answer itself is the same. */
export function signUpExistingEmail(input: { resetLink: string }): RenderedEmail {
  return {
    kind: 'SIGN_UP_EXISTING',
    subject: 'You already have an Orgraph account',
    body:
      `Someone tried to create an Orgraph account with this email address, which already has one, so no new account ` +
      `was created.\n\nIf it was you, sign in instead. Forgot your password? Ask for a reset link here:\n${input.resetLink}\n\n` +
      `If it was not you, you can ignore this email.\n`,
  };
}

export function passwordChangedEmail(input: { how: 'changed' | 'reset' }): RenderedEmail {
  return {
    kind: 'PASSWORD_CHANGED',
    subject: 'Your Orgraph password was changed',
    body:
      `The password of your Orgraph account was ${input.how}, and your other sessions were signed out.\n` +
      `If this was not you, reset your password at once and contact your organization's administrator.\n`,
  };
}
