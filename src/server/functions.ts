import { addSite } from "./add-site";
import { applyFix } from "./apply-fix";
import { applyImport } from "./apply-import";
import { applyRole, roleTargetCount } from "./apply-role";
import { columnHelp } from "./column-help";
import { connectedAs } from "./connected-as";
import { createCustomRole, deleteCustomRole, roleBasePermissions } from "./custom-roles";
import { deleteUsers, undoDelete } from "./delete-users";
import { editStamp } from "./edit-stamp";
import { exportTab } from "./export-tab";
import { accountReadAt, gettingStarted } from "./getting-started";
import { listSourceTabs, listSpreadsheetTabs } from "./list-tabs";
import { makeCredentials } from "./make-credentials";
import { previewImport } from "./preview-import";
import { proposeImportMapping } from "./propose-import-mapping";
import { proposeImportValues } from "./propose-import-values";
import { secretsOnSheet } from "./secrets-on-sheet";
import { selectCell } from "./select-cell";
import { setUpWorkspace } from "./set-up-workspace";
import { startAuthorization } from "./start-authorization";
import { connect, connectionStatus, disconnect, planSync, refreshAccount, retryFailed, runSync } from "./sync-functions";
import { syncHistory } from "./sync-history";
import { currentFilter, filterByTag, saveTag } from "./tags";
import { usersTemplate } from "./users-template";
import { validate } from "./validate";
import { validateRows } from "./validate-rows";
import { workspaceChoices } from "./workspace-choices";
import { readSettings, saveSettings } from "./workspace-settings";

/**
 * Every function the sidebar may call, by name. The Apps Script bundle makes each a top-level function, the
 * playground's bridge calls only these, and the sidebar's rpc module is typed from this table.
 */
export const serverFunctions = {
  validate,
  setUpWorkspace,
  selectCell,
  listSourceTabs,
  listSpreadsheetTabs,
  proposeImportMapping,
  proposeImportValues,
  previewImport,
  applyImport,
  exportTab,
  usersTemplate,
  columnHelp,
  connect,
  connectionStatus,
  gettingStarted,
  accountReadAt,
  disconnect,
  refreshAccount,
  addSite,
  planSync,
  runSync,
  retryFailed,
  secretsOnSheet,
  syncHistory,
  deleteUsers,
  undoDelete,
  makeCredentials,
  startAuthorization,
  connectedAs,
  validateRows,
  workspaceChoices,
  readSettings,
  saveSettings,
  applyRole,
  roleTargetCount,
  createCustomRole,
  deleteCustomRole,
  roleBasePermissions,
  saveTag,
  filterByTag,
  currentFilter,
  applyFix,
  editStamp,
};

export type ServerFunctions = typeof serverFunctions;
export type ServerFunctionName = keyof ServerFunctions;
