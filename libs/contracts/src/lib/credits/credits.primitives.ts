import * as z from 'zod';
import { isValidAccountNumber } from './credits.account-number';
import { PROJECT_REFERENCE_PATTERN } from './credits.serial';

/**
 * Whole tonnes of CO2 (1 credit = 1 tCO2) as a decimal string: credits are never fractional and never a JS
 * number on the wire. Up to 15 digits (a billion-tonne project still fits with room to spare).
 */
export const WholeTonnes = z
  .string()
  .regex(/^[1-9]\d{0,14}$/, 'Whole tonnes as a positive integer string, e.g. "10000"');
export type WholeTonnes = z.infer<typeof WholeTonnes>;

/** A balance or total: like WholeTonnes but may be zero (and negative for the issuance contra account). */
export const TonnesTotal = z.string().regex(/^-?\d{1,16}$/);
export type TonnesTotal = z.infer<typeof TonnesTotal>;

/** Registry code: the side's ISO 3166-1 alpha-2 (`JP` for Japan's registry, `MN`, `TH`, … for partners). */
export const RegistryCode = z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2, upper case');
export type RegistryCode = z.infer<typeof RegistryCode>;

export const AccountNumber = z
  .string()
  .max(32)
  .regex(/^[A-Z0-9-]{1,32}$/)
  .refine(isValidAccountNumber, 'Not a valid account number (format or check digits)');
export type AccountNumber = z.infer<typeof AccountNumber>;

/** JCM project reference as the Joint Committee registers it, e.g. `MN001`. */
export const ProjectReference = z
  .string()
  .regex(PROJECT_REFERENCE_PATTERN, 'Country code and project number, e.g. MN001');

/** 口座種別. ISSUANCE is the registry's own contra account that issuance debits; it is never opened by hand. */
export const AccountType = z.enum([
  'GOVERNMENT_HOLDING',
  'ENTITY_HOLDING',
  'CANCELLATION',
  'RETIREMENT',
  'ISSUANCE',
]);
export type AccountType = z.infer<typeof AccountType>;

/** Holding accounts are the only ones credits can leave (retired and cancelled credits never move again). */
export const HOLDING_ACCOUNT_TYPES: readonly AccountType[] = ['GOVERNMENT_HOLDING', 'ENTITY_HOLDING'];

export const CreditBlockStatus = z.enum(['ACTIVE', 'RETIRED', 'CANCELLED']);
export type CreditBlockStatus = z.infer<typeof CreditBlockStatus>;

export const Vintage = z.number().int().min(2013).max(2100);

export const IsoDate = z.iso.date();
