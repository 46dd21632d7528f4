import type { ModalHandler } from "../handler-types.js";
import * as followUp from "./follow-up.js";

export const modals: readonly ModalHandler[] = [followUp];
