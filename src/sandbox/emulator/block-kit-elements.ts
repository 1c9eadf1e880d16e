import {
  checkArrayLength,
  checkConfirm,
  checkString,
  checkText,
  fail,
  type IdRegistry,
  isRecord,
  registerActionId,
  requireArray,
  requireRecord,
} from "./block-kit-text.ts";

/** Where an element sits decides which element types Slack allows there. */
export type ElementPlacement = "actions" | "input" | "accessory";

const INPUT_ONLY = new Set([
  "plain_text_input",
  "number_input",
  "email_text_input",
  "url_text_input",
  "rich_text_input",
  "file_input",
]);
const NOT_IN_INPUT = new Set(["button", "overflow", "workflow_button", "image"]);

const SELECT_TYPES = new Set([
  "static_select",
  "multi_static_select",
  "external_select",
  "multi_external_select",
  "users_select",
  "multi_users_select",
  "conversations_select",
  "multi_conversations_select",
  "channels_select",
  "multi_channels_select",
]);

const OTHER_ELEMENT_TYPES = new Set([
  "button",
  "overflow",
  "checkboxes",
  "radio_buttons",
  "datepicker",
  "timepicker",
  "datetimepicker",
  "image",
  "workflow_button",
  ...INPUT_ONLY,
]);

/** Whether Slack knows an element type at all. */
export function isKnownElementType(type: unknown): boolean {
  return typeof type === "string" && (SELECT_TYPES.has(type) || OTHER_ELEMENT_TYPES.has(type));
}

/** Checks one interactive element against Slack's rules for where it is placed. */
export function checkElement(
  value: unknown,
  path: string,
  placement: ElementPlacement,
  ids: IdRegistry,
): void {
  const element = requireRecord(value, path);
  const type = element.type;
  if (typeof type !== "string" || !isKnownElementType(type)) {
    fail(`${path}.type`, `unknown element type ${JSON.stringify(type)}`);
  }
  if (placement === "input" && NOT_IN_INPUT.has(type)) {
    fail(`${path}.type`, `${type} is not allowed in an input block`);
  }
  if (placement !== "input" && INPUT_ONLY.has(type)) {
    fail(`${path}.type`, `${type} is only allowed in an input block`);
  }
  if (placement === "actions" && type === "image") {
    fail(`${path}.type`, "image is not allowed in an actions block");
  }
  if (type === "image") {
    checkImageElement(element, path);
    return;
  }
  registerActionId(element.action_id, `${path}.action_id`, ids);
  checkConfirm(element.confirm, `${path}.confirm`);
  checkText(element.placeholder, `${path}.placeholder`, { max: 150, plainOnly: true });

  switch (type) {
    case "button":
      checkButton(element, path);
      return;
    case "static_select":
    case "multi_static_select":
      checkStaticSelect(element, path, type === "multi_static_select");
      return;
    case "external_select":
    case "multi_external_select":
      if (element.options !== undefined) fail(`${path}.options`, `not allowed on ${type}`);
      if (element.option_groups !== undefined) fail(`${path}.option_groups`, `not allowed on ${type}`);
      return;
    case "overflow":
      checkOptionList(element.options, `${path}.options`, { min: 1, max: 5, mrkdwn: false, urls: true });
      return;
    case "checkboxes":
    case "radio_buttons":
      checkChoiceElement(element, path, type === "checkboxes");
      return;
    case "plain_text_input":
      checkPlainTextInput(element, path);
      return;
    case "number_input":
      if (typeof element.is_decimal_allowed !== "boolean") fail(`${path}.is_decimal_allowed`, "is required");
      return;
    case "datepicker":
      if (element.initial_date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(String(element.initial_date))) {
        fail(`${path}.initial_date`, "must be YYYY-MM-DD");
      }
      return;
    case "timepicker":
      if (element.initial_time !== undefined && !/^\d{2}:\d{2}$/.test(String(element.initial_time))) {
        fail(`${path}.initial_time`, "must be HH:mm");
      }
      return;
    case "workflow_button":
      checkText(element.text, `${path}.text`, { max: 75, plainOnly: true, required: true });
      return;
    default:
      return;
  }
}

/** Checks an image element (in a context block or as an accessory). */
export function checkImageElement(element: Record<string, unknown>, path: string): void {
  if (element.image_url === undefined && element.slack_file === undefined) {
    fail(path, "image needs image_url or slack_file");
  }
  checkString(element.image_url, `${path}.image_url`, { min: 1, max: 3000 });
  checkString(element.alt_text, `${path}.alt_text`, { min: 1, max: 2000, required: true });
}

function checkButton(button: Record<string, unknown>, path: string): void {
  checkText(button.text, `${path}.text`, { max: 75, plainOnly: true, required: true });
  checkString(button.value, `${path}.value`, { max: 2000 });
  checkString(button.url, `${path}.url`, { max: 3000 });
  checkString(button.accessibility_label, `${path}.accessibility_label`, { max: 75 });
  if (button.style !== undefined && button.style !== "primary" && button.style !== "danger") {
    fail(`${path}.style`, "must be primary or danger");
  }
}

interface OptionRules {
  min: number;
  max: number;
  mrkdwn: boolean;
  urls?: boolean;
}

function checkOption(value: unknown, path: string, rules: OptionRules): void {
  const option = requireRecord(value, path);
  checkText(option.text, `${path}.text`, { max: 75, plainOnly: !rules.mrkdwn, required: true });
  checkString(option.value, `${path}.value`, { min: 1, max: 75, required: true });
  checkText(option.description, `${path}.description`, { max: 75, plainOnly: !rules.mrkdwn });
  if (option.url !== undefined) {
    if (!rules.urls) fail(`${path}.url`, "only allowed in overflow options");
    checkString(option.url, `${path}.url`, { min: 1, max: 3000 });
  }
}

function checkOptionList(value: unknown, path: string, rules: OptionRules): unknown[] {
  const options = requireArray(value, path);
  checkArrayLength(options, path, rules.min, rules.max);
  options.forEach((option, index) => {
    checkOption(option, `${path}[${index}]`, rules);
  });
  return options;
}

function checkStaticSelect(select: Record<string, unknown>, path: string, multi: boolean): void {
  const rules: OptionRules = { min: 1, max: 100, mrkdwn: false };
  let available: unknown[];
  if (select.options !== undefined && select.option_groups !== undefined) {
    fail(path, "must not have both options and option_groups");
  }
  if (select.option_groups !== undefined) {
    const groups = requireArray(select.option_groups, `${path}.option_groups`);
    checkArrayLength(groups, `${path}.option_groups`, 1, 100);
    available = groups.flatMap((group, index) => {
      const groupPath = `${path}.option_groups[${index}]`;
      const record = requireRecord(group, groupPath);
      checkText(record.label, `${groupPath}.label`, { max: 75, plainOnly: true, required: true });
      return checkOptionList(record.options, `${groupPath}.options`, rules);
    });
  } else {
    if (select.options === undefined) fail(`${path}.options`, "is required (or option_groups)");
    available = checkOptionList(select.options, `${path}.options`, rules);
  }
  if (multi) {
    checkInitialOptions(select.initial_options, `${path}.initial_options`, available);
    const maxSelected = select.max_selected_items;
    if (maxSelected !== undefined && (typeof maxSelected !== "number" || maxSelected < 1)) {
      fail(`${path}.max_selected_items`, "must be a number of at least 1");
    }
  } else {
    checkInitialOption(select.initial_option, `${path}.initial_option`, available);
  }
}

function checkChoiceElement(element: Record<string, unknown>, path: string, multi: boolean): void {
  const options = checkOptionList(element.options, `${path}.options`, { min: 1, max: 10, mrkdwn: true });
  if (multi) checkInitialOptions(element.initial_options, `${path}.initial_options`, options);
  else checkInitialOption(element.initial_option, `${path}.initial_option`, options);
}

function sameOption(a: unknown, b: unknown): boolean {
  if (!isRecord(a) || !isRecord(b) || a.value !== b.value) return false;
  const aText = isRecord(a.text) ? a.text.text : undefined;
  const bText = isRecord(b.text) ? b.text.text : undefined;
  return aText === bText;
}

// Slack rejects an initial option that is not exactly one of the element's options.
function checkInitialOption(value: unknown, path: string, available: unknown[]): void {
  if (value === undefined) return;
  if (!available.some((option) => sameOption(option, value))) {
    fail(path, "must exactly match one of the options");
  }
}

function checkInitialOptions(value: unknown, path: string, available: unknown[]): void {
  if (value === undefined) return;
  const initial = requireArray(value, path);
  initial.forEach((option, index) => {
    checkInitialOption(option, `${path}[${index}]`, available);
  });
}

function checkPlainTextInput(input: Record<string, unknown>, path: string): void {
  const { min_length: minLength, max_length: maxLength } = input;
  if (minLength !== undefined && (typeof minLength !== "number" || minLength < 0 || minLength > 3000)) {
    fail(`${path}.min_length`, "must be a number between 0 and 3000");
  }
  if (maxLength !== undefined && (typeof maxLength !== "number" || maxLength < 1 || maxLength > 3000)) {
    fail(`${path}.max_length`, "must be a number between 1 and 3000");
  }
  if (typeof minLength === "number" && typeof maxLength === "number" && minLength > maxLength) {
    fail(`${path}.min_length`, "must not exceed max_length");
  }
  checkString(input.initial_value, `${path}.initial_value`, {
    max: typeof maxLength === "number" ? maxLength : 3000,
  });
}
