/**
 * RingCentral's published PIN and password rules. Messages never repeat the secret itself: findings reach the
 * sidebar, the CLI's output and cell notes of a shared sheet.
 */

import type { PhoneNumber } from "../phone";

export interface PinContext {
  ext: string;
  phone: PhoneNumber | null;
}

export interface PasswordContext {
  firstName: string;
  lastName: string;
  phone: PhoneNumber | null;
}

export function pinProblems(pin: string, context: PinContext): string[] {
  if (!/^\d+$/.test(pin)) return ["PIN is digits only."];
  const problems: string[] = [];
  if (pin.length < 6 || pin.length > 10) problems.push("PIN is 6 to 10 digits long.");
  if (hasRun(pin)) problems.push("PIN must not have 3 sequential (123, 321) or 3 repeated (111) digits in a row.");
  if (pin === context.ext) problems.push("PIN must not be the extension number.");
  if (context.phone && [context.phone.national, context.phone.e164.slice(1)].includes(pin))
    problems.push("PIN must not be the phone number.");
  return problems;
}

/** The platform's special characters: any other punctuation ("quiet-72-lake") does not count as one. */
const PLATFORM_SPECIAL = /[!@#$%^&*.]/;

export function passwordProblems(password: string, context: PasswordContext): string[] {
  const problems: string[] = [];
  if (password.length < 8 || password.length > 32) problems.push("Password is 8 to 32 characters long.");
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) problems.push("Password needs at least one letter and one digit.");
  if (!/[A-Z]/.test(password) && !PLATFORM_SPECIAL.test(password))
    problems.push("Password needs an uppercase letter or a special character: one of ! @ # $ % ^ & * .");
  if (hasRun(password.toLowerCase()))
    problems.push("Password must not have 3 sequential (abc, 123) or 3 repeated (aaa) characters in a row.");
  const lower = password.toLowerCase();
  const names = [context.firstName, context.lastName].filter((n) => n.length >= 3);
  if (names.some((name) => lower.includes(name.toLowerCase()))) problems.push("Password must not contain the user's name.");
  if (context.phone && password.replace(/\D/g, "").includes(context.phone.national))
    problems.push("Password must not contain the phone number.");
  return problems;
}

/** Three characters in a row that repeat (aaa) or step by one up or down (abc, 321). */
export function hasRun(text: string): boolean {
  for (let i = 2; i < text.length; i++) {
    const a = text.charCodeAt(i - 2);
    const b = text.charCodeAt(i - 1);
    const c = text.charCodeAt(i);
    const step = b - a;
    if (c - b !== step) continue;
    if (step === 0) return true;
    if (Math.abs(step) === 1 && sameClass(a, c)) return true;
  }
  return false;
}

function sameClass(a: number, c: number): boolean {
  const isDigit = (x: number) => x >= 48 && x <= 57;
  const isLetter = (x: number) => x >= 97 && x <= 122;
  return (isDigit(a) && isDigit(c)) || (isLetter(a) && isLetter(c));
}
