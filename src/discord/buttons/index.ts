import type { ButtonHandler } from "../handler-types.js";
import * as context from "./context.js";
import * as feedback from "./feedback.js";
import * as followUp from "./follow-up.js";

export const buttons: readonly ButtonHandler[] = [context, feedback, followUp];
