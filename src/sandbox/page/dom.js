// @ts-check
// Small DOM helpers shared by the renderers.

/**
 * Creates an element with attributes (class, text, html, on…) and children.
 * @param {string} tag
 * @param {Record<string, any>} [attributes]
 * @param {(Node | string | null | undefined | false)[]} [children]
 * @returns {HTMLElement}
 */
export function el(tag, attributes = {}, children = []) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "text") node.textContent = String(value);
    else if (name === "html") node.innerHTML = String(value);
    else if (name.startsWith("on") && typeof value === "function")
      node.addEventListener(name.slice(2), value);
    else if (name === "class") node.className = String(value);
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child);
  }
  return node;
}

/** What Slack shows where it cannot draw something: visible, never a crash. */
export function unsupported(kind, type) {
  return el("span", { class: "sk-unsupported", text: `unsupported ${kind}: ${type ?? "(no type)"}` });
}

/**
 * A small dialog over the page (Block Kit `confirm` objects); resolves true when confirmed.
 * @param {{ title: string, html: string, confirm: string, deny: string, danger?: boolean }} text
 * @returns {Promise<boolean>}
 */
export function askToConfirm(text) {
  return new Promise((resolve) => {
    const close = (answer) => {
      layer.remove();
      resolve(answer);
    };
    const layer = el("div", { class: "backdrop confirm-layer" }, [
      el("div", { class: "dialog", role: "alertdialog", "aria-label": text.title }, [
        el("h2", { text: text.title }),
        el("div", { class: "dialog-text", html: text.html }),
        el("div", { class: "dialog-buttons" }, [
          el("button", { class: "sk-button", text: text.deny, onclick: () => close(false) }),
          el("button", {
            class: `sk-button ${text.danger ? "danger" : "primary"}`,
            text: text.confirm,
            onclick: () => close(true),
          }),
        ]),
      ]),
    ]);
    document.body.append(layer);
  });
}

/** A short message at the bottom of the page (uploads, network trouble). */
export function toast(message) {
  const node = document.getElementById("toast");
  if (!node) return;
  node.textContent = message;
  node.hidden = false;
  clearTimeout(Number(node.dataset.timer));
  const hide = () => {
    node.hidden = true;
  };
  node.dataset.timer = String(setTimeout(hide, 4000));
}
