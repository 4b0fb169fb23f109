import { describe, expect, it } from "@jest/globals";
import { can, isRole } from "./permissions";

describe("role permissions", () => {
  it("lets learners work on their own progress and join cohorts, nothing more", () => {
    expect(can("LEARNER", "write:progress:own")).toBe(true);
    expect(can("LEARNER", "join:cohort:any")).toBe(true);
    expect(can("LEARNER", "create:cohort:any")).toBe(false);
    expect(can("LEARNER", "read:progress:cohort")).toBe(false);
    expect(can("LEARNER", "update:role:any")).toBe(false);
  });

  it("lets instructors manage and read their cohorts but not change roles", () => {
    expect(can("INSTRUCTOR", "create:cohort:any")).toBe(true);
    expect(can("INSTRUCTOR", "read:submission:cohort")).toBe(true);
    expect(can("INSTRUCTOR", "read:cohort:any")).toBe(false);
    expect(can("INSTRUCTOR", "update:role:any")).toBe(false);
  });

  it("lets admins do everything instructors can, plus roles", () => {
    expect(can("ADMIN", "read:submission:cohort")).toBe(true);
    expect(can("ADMIN", "update:role:any")).toBe(true);
  });

  it("denies unknown roles", () => {
    expect(can("GUEST" as never, "read:progress:own")).toBe(false);
    expect(isRole("GUEST")).toBe(false);
    expect(isRole("ADMIN")).toBe(true);
  });
});
