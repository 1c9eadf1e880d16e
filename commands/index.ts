import { SlackRouter } from "../src/slack/router.ts";
import { registerAdjustCommand } from "./adjust/index.ts";
import { registerApproveCommand } from "./approve/index.ts";
import { registerCountCommand } from "./count/index.ts";
import { registerCsvImportSubmission } from "./csv-import/submit.ts";
import type { CommandDeps } from "./deps.ts";
import { registerAppHome } from "./home/index.ts";
import { registerJxcCommand } from "./jxc/index.ts";
import { registerOutboxRetry } from "./jxc/outbox.ts";
import { registerLowStockButtons } from "./low-stock/index.ts";
import { registerMoveCommand } from "./move/index.ts";
import { registerItemPicker } from "./pickers/item-picker.ts";
import { registerSupplierPicker } from "./pickers/supplier-picker.ts";
import { registerPoCommand } from "./po/index.ts";
import { registerPolicyEditing } from "./policy/index.ts";
import { registerReceiveCommand } from "./receive/index.ts";
import { registerSlottingButtons } from "./slotting/index.ts";
import { registerStockCommand } from "./stock/index.ts";
import { registerSupplierCommand } from "./supplier/index.ts";
import { registerSupplierTerms } from "./supplier/terms.ts";

/** Every listener the app has, registered in one place. */
export function registerListeners(deps: CommandDeps): SlackRouter {
  const router = new SlackRouter();
  registerJxcCommand(router, deps);
  registerOutboxRetry(router, deps);
  registerStockCommand(router, deps);
  registerCsvImportSubmission(router, deps);
  registerItemPicker(router, deps);
  registerAdjustCommand(router, deps);
  registerMoveCommand(router, deps);
  registerApproveCommand(router, deps);
  registerPoCommand(router, deps);
  registerReceiveCommand(router, deps);
  registerSupplierPicker(router, deps);
  registerSupplierCommand(router, deps);
  registerSupplierTerms(router, deps);
  registerPolicyEditing(router, deps);
  registerAppHome(router, deps);
  registerCountCommand(router, deps);
  registerLowStockButtons(router, deps);
  registerSlottingButtons(router, deps);
  return router;
}
