import * as z from 'zod';
import { CountSchema, DecimalStringSchema, FractionStringSchema, YenSchema } from '../shared/schemas';

/** One technology in a JCM equipment subsidy proposal (技術ごと). */
export const JcmTechnologyInputSchema = z.object({
  technologyId: z
    .string()
    .min(1)
    .max(100)
    .regex(/^[^\p{Cc}]{1,100}$/u),
  eligibleCostYen: YenSchema,
  priorSimilarProjects: CountSchema,
  assignedRate: FractionStringSchema.optional(),
  annualReductionT: DecimalStringSchema,
  usefulLifeYears: z.number().int().min(1),
});

/** Request body for calculateJcmSubsidy (JCM設備補助金の試算). */
export const JcmSubsidyInput = z
  .object({
    scheme: z.enum(['REGULAR', 'ECO_LEASE']).default('REGULAR'),
    technologies: z.array(JcmTechnologyInputSchema).default([]),
    ecoLease: z
      .object({
        leaseIntroductionCostYen: YenSchema,
        leaseYears: z.number().int().min(1),
        annualReductionT: DecimalStringSchema,
      })
      .optional(),
    requestedSubsidyYen: YenSchema.optional(),
    costs: z.object({ constructionYen: YenSchema, equipmentYen: YenSchema, adminYen: YenSchema }).optional(),
    payback: z.object({ initialCostYen: YenSchema, annualCashFlowYen: YenSchema.positive() }).optional(),
    totalFrom: z.enum(['flooredAnnual', 'rawAnnual']).default('flooredAnnual'),
  })
  .superRefine((v, ctx) => {
    if (v.scheme === 'REGULAR' && v.technologies.length === 0) {
      ctx.addIssue({
        code: 'custom',
        message: 'at least one technology is required',
        path: ['technologies'],
      });
    }
    if (v.scheme === 'ECO_LEASE' && !v.ecoLease) {
      ctx.addIssue({ code: 'custom', message: 'ecoLease is required for ECO_LEASE', path: ['ecoLease'] });
    }
  });

export type JcmSubsidyInput = z.input<typeof JcmSubsidyInput>;
export type JcmSubsidyInputParsed = z.output<typeof JcmSubsidyInput>;
