/** The columns of a cohort every view shows (its card, its page, the join page), for Prisma selects. */
export const COHORT_SUMMARY_FIELDS = {
  id: true,
  name: true,
  description: true,
  startsAt: true,
  endsAt: true,
  joinOpen: true,
} as const;
