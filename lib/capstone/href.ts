/** The capstone training page's address (a page of its own, not a lesson: lessons link to it). */
export const TRAINING_PAGE_HREF = "/learn/build-a-gpt/train";
