import type { MenuItem, ShownMenu } from "./document";
import { HostObject, internal, type Person } from "./person";

/** HtmlService's output, another service's host object: only what showing it needs. */
interface HtmlOutputLike {
  getContent(): string;
  getTitle?(): string;
}

/**
 * The person's Sheets window: menus added to it and the sidebar shown in it are kept in their view of the document
 * (PersonView), where the playground finds them.
 */
export class Ui extends HostObject {
  get [Symbol.toStringTag](): string {
    return "Ui";
  }

  /** The add-on's menu, under Extensions. */
  createAddonMenu(): Menu {
    this.hit("createAddonMenu");
    return new Menu(this.person, null);
  }

  createMenu(caption: string): Menu {
    this.hit("createMenu");
    return new Menu(this.person, caption);
  }

  showSidebar(output: HtmlOutputLike): void {
    this.hit("showSidebar");
    const view = this.person.document.viewOf(this.person.user);
    view.sidebar = { title: output.getTitle?.() ?? "", html: output.getContent() };
  }
}

export class Menu extends HostObject {
  declare private readonly caption: string | null;
  declare private readonly items: (MenuItem | null)[];

  get [Symbol.toStringTag](): string {
    return "Menu";
  }

  constructor(person: Person, caption: string | null) {
    super(person);
    internal(this, { caption, items: [] });
  }

  addItem(caption: string, functionName: string): this {
    this.hit("addItem");
    this.items.push({ caption, functionName });
    return this;
  }

  addSeparator(): this {
    this.hit("addSeparator");
    this.items.push(null);
    return this;
  }

  /** Replaces a menu of the same caption, as running onOpen again does in Sheets. */
  addToUi(): void {
    this.hit("addToUi");
    const view = this.person.document.viewOf(this.person.user);
    const menu: ShownMenu = { caption: this.caption, items: [...this.items] };
    view.menus = [...view.menus.filter((shown) => shown.caption !== this.caption), menu];
  }
}
