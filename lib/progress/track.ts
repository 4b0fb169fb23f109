/** The two tracks through the course, as the account stores them and as lessons declare them. */
export const TRACKS = ["CONCEPT", "BUILDER"] as const;
export type Track = (typeof TRACKS)[number];
/** A new learner follows the builder track until they choose. */
export const DEFAULT_TRACK: Track = "BUILDER";

export const isTrack = (value: unknown): value is Track => value === "CONCEPT" || value === "BUILDER";

/** A lesson's track as written in its frontmatter (`track: concept`). */
export type ContentTrack = "concept" | "builder";
