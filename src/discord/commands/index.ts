import type { Command } from "../handler-types.js";
import * as ask from "./ask.js";
import * as ingest from "./ingest.js";
import * as remove from "./remove.js";
import * as reports from "./reports.js";

export const commands: readonly Command[] = [ask, reports, ingest, remove];
