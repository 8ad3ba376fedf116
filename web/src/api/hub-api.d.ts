// Generated from the hub's OpenAPI document by `npm run console:types`: do not edit.
export interface paths {
  "/v1/integrations/{id}/import": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * I3: a customer file as the other side of a file integration (CSV or XLSX body)
     * @description The file is a snapshot (docs/file-format.md): new and changed rows come in, rows it no longer lists are reported and kept. Every row is checked first; a file with an error imports nothing (400, errors by row and column). Capped by --max-file-bytes (413).
     *
     *     Roles: admin, manager.
     */
    post: operations["importIntegrationFile"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/customers/import": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * I3: a customer file loaded into the hub as new customers (CSV or XLSX body)
     * @description A store moving its list into Tandem (docs/file-format.md, "Into the hub"). Every row is checked first; a file with an error, or a customer number twice, loads nothing (400, errors by row and column). A row whose number or email a hub customer has is left out and reported. The others become hub customers as a user creates one, keeping their numbers: a run (`GET /v1/partner-runs/{id}`) that the workers work off exactly once. The same file again is refused (409). Capped by --max-file-bytes (413).
     *
     *     Roles: admin, manager.
     */
    post: operations["importHubFile"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/customers/import-preview": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * R11.5: what a customer file would load into the hub, checked and not loaded
     * @description The checks of `POST /v1/customers/import`, every row, rolled back: the rows it would load and the ones it would leave out, or the 400 with every problem by row and column (`error.problems`). Nothing is saved.
     *
     *     Roles: admin, manager.
     */
    post: operations["previewHubFile"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/customers/export": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * I4: every customer as a CSV or XLSX customer file (streamed)
     * @description The customer file format of docs/file-format.md; values a spreadsheet would run as a formula start with a single quote.
     *
     *     Roles: admin, manager.
     */
    get: operations["exportCustomers"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/customers/import-template": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * I3: the customer file's template, as CSV or XLSX
     * @description The columns of docs/file-format.md with two sample rows, as `tandem import --template` writes them.
     *
     *     Roles: admin, manager.
     */
    get: operations["customerFileTemplate"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/customers": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * S11: a page of customers, filtered by sync status or text
     * @description Roles: admin, manager, associate.
     */
    get: operations["listCustomers"];
    put?: never;
    /**
     * Add a customer (A2: assigned to the user who adds it)
     * @description Roles: admin, manager, associate.
     */
    post: operations["createCustomer"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/customers/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A customer, with its sync status per integration
     * @description Roles: admin, manager, associate.
     */
    get: operations["getCustomer"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Change the fields an edit names (contacts have their own operations)
     * @description Fields not named stay as they are. Contacts are not part of an edit: add, change or remove one with the contact operations, or replace the list with `PUT /v1/customers/{id}/contacts`. A7: an associate edits their own and unassigned customers.
     *
     *     Roles: admin, manager, associate.
     */
    patch: operations["updateCustomer"];
    trace?: never;
  };
  "/v1/customers/{id}/partner": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * S7: pair the customer with a customer of the other system, by hand
     * @description The other system's customer is one the hub recorded without a hub customer (`GET /v1/integrations/{id}/external-customers`). Values only one side holds are filled in on the other, values both hold alike are agreed, and values that differ start as conflicts (F12) instead of one side overwriting the other. Refused (409) when either already has a partner or is excluded (S9). A7: an associate pairs their own and unassigned customers.
     *
     *     Roles: admin, manager, associate.
     */
    post: operations["selectPartner"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/customers/{id}/partner-creation": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * S5: have the customer's partner created in an integration's system
     * @description The number the partner gets: the customer's own (`keep`, the default), the system's next free one (`next`), or the one typed (`typed`, with `number`). A number the hub knows in that system is refused (409), as is a customer that has a partner there, one being created, one excluded (S9), and a prospect where the integration sends prospects at their first purchase (S3). The customer is set to sync and the create is queued (S2: an existing customer there with the same email becomes the partner instead); its sync status shows when it is done. A7: an associate does this for their own and unassigned customers.
     *
     *     Roles: admin, manager, associate.
     */
    post: operations["createPartnerThere"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/customers/{id}/exclusion": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * S9: exclude the customer from an integration, or lift the exclusion
     * @description Excluded (`excluded: true`), the customer is never created, matched or updated in that integration's system, and its changes there are recorded but not merged. Lifted (`false`), it syncs again as the integration's options say: with a partner it is merged at once; without one it goes out as a new customer would. Setting what already is changes nothing. Managers and admins only.
     *
     *     Roles: admin, manager.
     */
    put: operations["setCustomerExclusion"];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/customers/{id}/history": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * F12: every applied change of a customer, oldest first
     * @description Roles: admin, manager, associate.
     */
    get: operations["getCustomerHistory"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/customers/{id}/assignment": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * A8: set the customer's associate, or Unassigned
     * @description A1: a customer has one associate or none. A7: an associate assigns themself to an Unassigned customer and unassigns themself; a manager or admin assigns anyone to any active user of the store. If the assignment changed since it was read, the change is refused (409) instead of overwriting it. Audited with who and why (`GET /v1/customers/{id}/history?field=assignedUserId`).
     *
     *     Roles: admin, manager, associate.
     */
    put: operations["assignCustomer"];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/assignments": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * A3: assign many customers to one user, or make them Unassigned
     * @description Managers and admins only (A7). Up to 1000 customers a call, in one transaction: each is assigned, unchanged (it had that assignment) or not found in the store. Each change is audited.
     *
     *     Roles: admin, manager.
     */
    post: operations["assignCustomers"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/integrations/{id}/assignment-by-spend": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * A4: assign Unassigned customers to the associate they spent most with
     * @description Runs by itself once, when the integration's first sync of customers and sales is in; run it again after mapping associate numbers (F9). Each Unassigned customer with purchases in the integration goes to the associate with the largest total spend there (returns count against it; ties: the associate of the most recent sale among them, then the lowest number); a customer whose largest spender's number maps to no single active user stays Unassigned, and the number is listed in `unmapped`. Assigned customers never change (A6). Ends onboarding if it had not ended: from then on a purchase by an Unassigned customer assigns the associate who made it (A5). Managers and admins.
     *
     *     Roles: admin, manager.
     */
    post: operations["assignBySpend"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/integrations/{id}/unmapped-associates": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A4: associate numbers on sales that assign no one
     * @description Numbers on the integration's sales that map to no user, to several, or to a deactivated one, with their sales, spend and the Unassigned customers whose largest spend is with them. Map them (PUT /v1/integrations/{id}/associates/{userId}) and run the assignment by spend again. Managers and admins.
     *
     *     Roles: admin, manager.
     */
    get: operations["listUnmappedAssociates"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/integrations/{id}/sales-batch": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * T1: when the next sales batch runs and what it holds
     * @description Once an integration's first sync is in, its POS sales wait for the next batch window (option `salesTiming: batched`, windows `salesBatchTimes` in the store's time zone, by default 12:00 and 23:00), or are taken as they come (`realtime`, T6). Managers and admins.
     *
     *     Roles: admin, manager.
     */
    get: operations["getSalesBatch"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/integrations/{id}/sales-batch/run": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * T1: run the sales batch now
     * @description The held sales go to the engine at once (processed within seconds); the next window takes what comes after. Managers and admins.
     *
     *     Roles: admin, manager.
     */
    post: operations["runSalesBatch"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/integrations/{id}/backfill": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * T3: how far the first sync (customers and the whole sales history) has come
     * @description The state (fetching, failing, processing, assigning, done), each feed's pages and records fetched with its last error, and the sales fetched, processed, waiting and failing. A page that failed is fetched again from where it stopped; onboarding ends only when the customers and sales came in without an error. The option `salesHistoryPagesPerMinute` throttles the history. Managers and admins.
     *
     *     Roles: admin, manager.
     */
    get: operations["getBackfill"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/sales": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * T5: the sales log: processed sales of some days, newest first
     * @description Processed sales only (a sale held for its batch, or held back by a check, is not in it yet), by the store-local day. Pages: `before` is the last page's smallest purchaseId. Managers and admins.
     *
     *     Roles: admin, manager.
     */
    get: operations["listSales"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/sales/report": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * T5: sales totals and counts by day, associate or category
     * @description Over processed sales of the store-local days, in the store's time zone and currency. By associate: the user a sale's number maps to (else `number <n>`, else `none`). By category: each sale counts in every category of its lines, with those lines' amounts. Managers and admins.
     *
     *     Roles: admin, manager.
     */
    get: operations["reportSales"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/sales-triggers": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * T4: the store's sales triggers
     * @description Roles: admin, manager.
     */
    get: operations["listSalesTriggers"];
    put?: never;
    /**
     * T4: a follow-up N days after each sale, optionally by category and minimum amount
     * @description Fires once per processed sale it matches, `daysAfter` days after the sale (store-local calendar days; 0: as soon as the sale is processed, so a batched sale's fires when its batch runs), never before the sale is processed. It creates a follow-up task for the customer's associate, or for the store's queue when the customer is Unassigned. Sales processed from its creation on count; the first sync's history never does. Managers and admins.
     *
     *     Roles: admin, manager.
     */
    post: operations["createSalesTrigger"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/sales-triggers/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * T4: change a sales trigger, or switch it off or on
     * @description Changes only what the body names (null removes a filter). Sales waiting for it move to the new number of days; switched off, it drops them, and switched on again it counts the sales processed from then on. Managers and admins.
     *
     *     Roles: admin, manager.
     */
    patch: operations["changeSalesTrigger"];
    trace?: never;
  };
  "/v1/tasks": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * T4: follow-up tasks, in the order they fired
     * @description Open tasks by default. Managers and admins see all (or `assignedTo` one user, `me` or `queue`); an associate sees their own and the store's queue. Pages: `after` is the last page's last id.
     *
     *     Roles: admin, manager, associate.
     */
    get: operations["listTasks"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/tasks/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * T4: mark a follow-up task done or dismissed
     * @description Once: a closed task is a 409. An associate closes their own tasks and the queue's; managers and admins any.
     *
     *     Roles: admin, manager, associate.
     */
    patch: operations["closeTask"];
    trace?: never;
  };
  "/v1/store": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The store: its name, time zone, country and currency
     * @description Roles: admin, manager, associate.
     */
    get: operations["getStore"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Change the store's name, time zone, country or currency
     * @description Changes only what the body names. The time zone moves the sales batch windows (T1); the currency is what POS sales must be in (T2). Admins only.
     *
     *     Roles: admin.
     */
    patch: operations["changeStore"];
    trace?: never;
  };
  "/v1/customers/{id}/contacts": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Replace the whole contact list: contacts not in it are removed from the hub
     * @description The explicit way to set every contact at once. F1: at the POS the new value is added; POS values are never modified or deleted by the hub. A7: an associate changes the contacts of their own and unassigned customers.
     *
     *     Roles: admin, manager, associate.
     */
    put: operations["replaceContacts"];
    /**
     * Add one contact method (email, phone or address)
     * @description F1: at the POS the new value is added; POS values are never modified or deleted by the hub. A7: an associate changes the contacts of their own and unassigned customers.
     *
     *     Roles: admin, manager, associate.
     */
    post: operations["addContact"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/customers/{id}/contacts/{kind}/{value}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Remove one contact method from the hub; the others stay as they are
     * @description F1: at the POS the new value is added; POS values are never modified or deleted by the hub. A7: an associate changes the contacts of their own and unassigned customers.
     *
     *     Roles: admin, manager, associate.
     */
    delete: operations["removeContact"];
    options?: never;
    head?: never;
    /**
     * Change one contact method's value; the others stay as they are
     * @description The old value is removed from the hub and the new one added. F1: at the POS the new value is added; POS values are never modified or deleted by the hub. A7: an associate changes the contacts of their own and unassigned customers.
     *
     *     Roles: admin, manager, associate.
     */
    patch: operations["changeContact"];
    trace?: never;
  };
  "/v1/conflicts": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * F12: open conflicts, per customer and field
     * @description Roles: admin, manager, associate.
     */
    get: operations["listConflicts"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/customers/{id}/compare": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * S12: the customer beside its partner, fetched fresh
     * @description Roles: admin, manager, associate.
     */
    get: operations["compareCustomer"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/customers/{id}/resolve": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * F12: resolve conflicts field by field (hub value, external value, or a typed value)
     * @description One submit updates both systems. A7: an associate resolves the conflicts of their own and unassigned customers; managers and admins those of every customer.
     *
     *     Roles: admin, manager, associate.
     */
    post: operations["resolveConflicts"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/customers/{id}/messages": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * F7: record an email or text sent to the customer; it is written to the POS customer's activity
     * @description A7: an associate records messages to their own and unassigned customers.
     *
     *     Roles: admin, manager, associate.
     */
    post: operations["recordSentMessage"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/customers/{id}/purchases": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * F6: the customer's purchases, oldest first
     * @description Roles: admin, manager, associate.
     */
    get: operations["listCustomerPurchases"];
    put?: never;
    /**
     * T4: enter a sale made outside the POS; it is processed at once
     * @description The sale's lines (each amount the line's total, negative for a return), when it happened (by default now) and who sold it (by default the caller), in the store's currency. Processed at once, not in a batch: it is in the customer's purchases and the sales report, an Unassigned customer goes to the seller (A5), and the store's sales triggers start counting its days. A7: an associate enters their own sales, for their own and Unassigned customers.
     *
     *     Roles: admin, manager, associate.
     */
    post: operations["recordCustomerPurchase"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/products": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * F4, F6, F8: the store's products
     * @description Roles: admin, manager, associate.
     */
    get: operations["listProducts"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/customers/{id}/collections": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * F4: the customer's collections and their items
     * @description Roles: admin, manager, associate.
     */
    get: operations["listCollections"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/customers/{id}/collections/{name}/items": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * F4: add a product or a described wish to a collection (the wish-list collection syncs with the POS)
     * @description Roles: admin, manager, associate.
     */
    post: operations["addCollectionItem"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/customers/{id}/collections/{name}/items/{itemId}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * F4: remove an item from one of the customer's collections
     * @description Roles: admin, manager, associate.
     */
    delete: operations["removeCollectionItem"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/jobs": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Outbound work by state; dead jobs are the errors waiting for a retry (S11)
     * @description Roles: admin, manager.
     */
    get: operations["listJobs"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/jobs/{id}/retry": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Retry a dead job: the customer is synced again with what both sides hold now
     * @description Roles: admin, manager.
     */
    post: operations["retryJob"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/events/failed": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Inbound changes that failed: waiting for their next attempt or parked after their last, oldest first
     * @description Roles: admin, manager.
     */
    get: operations["listFailedEvents"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/events/{id}/retry": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Retry a failed inbound change now, with fresh attempts; answers with how it went
     * @description Roles: admin, manager.
     */
    post: operations["retryEvent"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/integrations": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The store's integrations
     * @description Roles: admin, manager.
     */
    get: operations["listIntegrations"];
    put?: never;
    /**
     * I1: add an integration; the connection is tested before it is saved
     * @description Roles: admin.
     */
    post: operations["createIntegration"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/integrations/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One integration and its options
     * @description Roles: admin, manager.
     */
    get: operations["getIntegration"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * I2: change an integration's name, address, key, options or enabled state
     * @description Roles: admin.
     */
    patch: operations["updateIntegration"];
    trace?: never;
  };
  "/v1/integrations/{id}/test": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * I1: test the connection with the stored settings
     * @description Roles: admin.
     */
    post: operations["testIntegration"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/integrations/{id}/sync": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * S1: turn on sync for selected customers (each gets a partner if it has none)
     * @description Either `customerIds` (a selection; applied before the answer) or `filter` (a whole filtered list, as `GET /v1/customers` filters it; queued for the workers, so thousands answer at once). A7: an associate enables their own and unassigned customers by `customerIds`; a whole filtered list is a bulk action for managers and admins.
     *
     *     Roles: admin, manager, associate.
     */
    post: operations["enableCustomerSync"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/integrations/{id}/sections": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * S11: how many customers are in each sync status of this integration
     * @description Roles: admin, manager, associate.
     */
    get: operations["countSyncSections"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/integrations/{id}/associates": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * F9: which hub user is which associate in this integration
     * @description Roles: admin, manager.
     */
    get: operations["listAssociateMappings"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/integrations/{id}/associates/{userId}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * F9: set (or, with null, remove) a hub user's associate number in this integration
     * @description Roles: admin.
     */
    put: operations["setAssociateMapping"];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/integrations/{id}/external-customers": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * S1, S11: the other system's customers that have no hub customer (unlinked or excluded), as last seen
     * @description Roles: admin, manager, associate.
     */
    get: operations["listExternalCustomers"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/integrations/{id}/external-customers/{externalId}/exclusion": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * S9: exclude a customer of the other system from syncing, or lift the exclusion
     * @description The customer is one the hub recorded (see `GET /v1/integrations/{id}/external-customers`). One paired with a hub customer is excluded or lifted as that customer is (`PUT /v1/customers/{id}/exclusion`). One without: excluded, it is never matched, created in the hub or paired; lifted, the hub takes its last copy as new (matched by email or created when the integration syncs all customers). Managers and admins only.
     *
     *     Roles: admin, manager.
     */
    put: operations["setExternalCustomerExclusion"];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/integrations/{id}/external-customers/{externalId}/partner-creation": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * S5: make a hub customer of a customer of the other system
     * @description The customer is one the hub recorded without a hub customer. Its number in the hub: its number there (`keep`, the default; the next free one when it has none), the hub's next free number (`next`), or the one typed (`typed`, with `number`); a number a hub customer has is refused (409). A hub customer with the same email and no partner there becomes its partner instead (no duplicate, S2), as a pair made by hand (S7). Refused when it has a hub customer or is excluded (S9).
     *
     *     Roles: admin, manager, associate.
     */
    post: operations["createPartnerHere"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/integrations/{id}/partner-suggestions": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * S8: likely partners for customers without one, with a score and the reasons
     * @description Between the store's customers that have no partner in this integration and the other system's customers the hub recorded without one (neither excluded), at or above the integration's `matchThreshold`, best first. Nothing is linked: confirm pairs with `POST /v1/integrations/{id}/partners`.
     *
     *     Roles: admin, manager, associate.
     */
    get: operations["suggestPartners"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/integrations/{id}/partners": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * S8, S7: pair customers with the other system's, one or many at once
     * @description Each pair is made as `POST /v1/customers/{id}/partner` makes one (where the two differ it starts in conflict). A pair that cannot be made (paired meanwhile, excluded, another associate's customer) is answered with its reason; the others go through.
     *
     *     Roles: admin, manager, associate.
     */
    post: operations["confirmPartners"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/integrations/{id}/partner-runs": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * S6, S10: create partners for every customer of one side that has none
     * @description Every customer of the side without a partner (not excluded, S9) gets one, with the number choice of S5 (`keep` or `next`); one with the same email on the other side is paired with it instead (S2). The run is recorded at once, whole, and worked off by the workers exactly once; a crash resumes it. Follow it with `GET /v1/partner-runs/{id}`. Transfer all (S10) is a run of each side. Managers and admins only.
     *
     *     Roles: admin, manager.
     */
    post: operations["startPartnerRun"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/partner-runs": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * S6, S10: the store's partner runs, newest first (the last 50)
     * @description Roles: admin, manager, associate.
     */
    get: operations["listPartnerRuns"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/partner-runs/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * S6, S10: a partner run's progress: done, failed, waiting, and its failures' reasons
     * @description Roles: admin, manager, associate.
     */
    get: operations["getPartnerRun"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/integrations/{id}/plan": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Dry run: what creating partners on each side would do, with the lists, writing nothing
     * @description Before a partner run or before switching an integration on: how many customers would be created in the hub and in the other system, linked by email (S2), start in conflict (S7), be refused (with the reason) or stay excluded (S9), and the customers behind each number (the first `limit` of each list). Reads only. A prediction from what the hub has recorded of the other system.
     *
     *     Roles: admin, manager, associate.
     */
    get: operations["planPartners"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/me": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The user the token belongs to
     * @description Roles: admin, manager, associate.
     */
    get: operations["getMe"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/users": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The store's users, active and deactivated
     * @description Roles: admin, manager.
     */
    get: operations["listUsers"];
    put?: never;
    /**
     * Add a user; the answer carries their API token, shown once
     * @description Roles: admin.
     */
    post: operations["createUser"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/users/{id}/deactivate": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Deactivate a user: their token stops working at once
     * @description Their customers, notes and history stay. The store's last active admin can't be deactivated (409): add another admin first.
     *
     *     Roles: admin.
     */
    post: operations["deactivateUser"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/users/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Change a user's role
     * @description Holds from the user's next request (sessions and tokens read the role afresh). The store's last active admin keeps the role (409). Admins only.
     *
     *     Roles: admin.
     */
    patch: operations["changeUserRole"];
    trace?: never;
  };
  "/v1/users/{id}/activate": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Activate a deactivated user; they need a newly issued token to sign in
     * @description Roles: admin.
     */
    post: operations["activateUser"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/users/{id}/token": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Issue a user a new API token; the old one stops working at once
     * @description Roles: admin.
     */
    post: operations["issueUserToken"];
    /**
     * Revoke a user's API token (lost or leaked); they can't sign in until issued a new one
     * @description Roles: admin.
     */
    delete: operations["revokeUserToken"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/auth/sessions": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Sign in with email and password
     * @description A session for 12 hours, as a token and as an HttpOnly cookie. A wrong email, a wrong password and a deactivated user get the same 401. After 5 failures for one email (or 30 from one address) within 15 minutes, sign-ins wait (429 with Retry-After). Passwords are stored as argon2id hashes.
     */
    post: operations["signIn"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/auth/invitations/acceptance": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Set a password with an invitation, and sign in
     * @description The token an admin got when inviting the user (POST /v1/users/{id}/invitation), used once within 7 days. The password: 12 to 256 characters. Every earlier session of the user ends.
     */
    post: operations["acceptInvitation"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/sessions/current": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Sign out: end the session the request came with
     * @description With an API token there is no session: nothing ends (revoke the token instead).
     *
     *     Roles: admin, manager, associate.
     */
    delete: operations["signOut"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/users/{id}/invitation": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Invite a user to set their password (new, or one who forgot it)
     * @description An invitation token, shown this once, valid for 7 days, for POST /auth/invitations/acceptance. A new invitation replaces an open one; the user's password keeps working until it is accepted. Admins only.
     *
     *     Roles: admin.
     */
    post: operations["inviteUser"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/live": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * R11.9: a server-sent event each time the store's data changes
     * @description Server-sent events: `ready` once, then `change` within about a second of any change to the store's customers, sales, conflicts, runs or finished writes, made here or by a worker (a POS edit merged, a batch let through). The event says only that something changed: ask the API for what you show. A stream ends after an hour; EventSource reconnects on its own.
     *
     *     Roles: admin, manager, associate.
     */
    get: operations["watchChanges"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    IntegrationFileImport: {
      rows: number;
      added: number;
      changed: number;
      unchanged: number;
      gone: number;
      goneNumbers: string[];
    };
    Error: {
      error: {
        code: string;
        message: string;
        /** @description I3: a customer file's problems by row and column (the first 100), so a screen can show each where it is */
        problems?: {
          row: number | null;
          column: string | null;
          message: string;
        }[];
        /** @description how many problems the file has in all */
        total?: number;
      };
    };
    HubFileImport: {
      rows: number;
      queued: number;
      skipped: number;
      skippedRows: {
        row: number;
        reason: string;
      }[];
      run: components["schemas"]["PartnerRun"];
    };
    PartnerRun: {
      id: number;
      /** @description null for a customer file loaded into the hub */
      integrationId: number | null;
      /**
       * @description hub, external: partners created for that side's customers (S6); file: a customer file loaded into the hub (I3, `POST /v1/customers/import`)
       * @enum {string}
       */
      side: "hub" | "external" | "file";
      /** @enum {string} */
      numberChoice: "keep" | "next";
      /** @description customers in the run */
      total: number;
      progress: {
        done: number;
        /** @description refused (see failures) or failed for good */
        failed: number;
        waiting: number;
        /** @description of the waiting, those that failed and wait to retry */
        retrying: number;
      };
      finished: boolean;
      failures: {
        clientId?: number;
        externalId?: string;
        reason: string;
        /** @description false: it is retried */
        final: boolean;
      }[];
      createdAt: string;
    };
    HubFilePreview: {
      rows: number;
      /** @description rows that would become hub customers */
      queued: number;
      skipped: number;
      skippedRows: {
        row: number;
        reason: string;
      }[];
    };
    Customer: {
      id: number;
      /** @description the number the store uses on receipts and invoices, unique in the store */
      customerNumber: string;
      firstName: string | null;
      lastName: string | null;
      acquisition: string | null;
      contacts: {
        /** @enum {string} */
        kind: "email" | "phone" | "address";
        value: string;
      }[];
      notes?: {
        id: string;
        body: string;
      }[];
      preferences: {
        [key: string]: string;
      };
      /** @enum {string} */
      lifecycle: "prospect" | "active";
      assignedUserId: number | null;
      createdAt: string;
      updatedAt: string;
      sync: {
        integrationId: number;
        integrationName: string;
        /** @example pos */
        integrationKind: string;
        /** @enum {string} */
        status: "unlinked" | "conflict" | "synced" | "excluded" | "error";
        externalId: string | null;
        externalNumber: string | null;
        lastError: string | null;
      }[];
    };
    AuditEntry: {
      id: number;
      field: string;
      oldValue?: unknown;
      newValue?: unknown;
      source: string;
      actor: string;
      /** @description why, when a rule made the change (A4, A5) or a user gave one */
      reason: string | null;
      integrationId: number | null;
      at: string;
    };
    BulkAssignment: {
      userId: number | null;
      assigned: number[];
      unchanged: number[];
      notFound: number[];
    };
    SpendAssignment: {
      assigned: number;
      onboardedNow: boolean;
      unmapped: components["schemas"]["UnmappedAssociate"][];
    };
    UnmappedAssociate: {
      associateNumber: string;
      /** @enum {string} */
      why: "unmapped" | "held by several users" | "held by a deactivated user";
      sales: number;
      /** @description their sales' total, returns subtracted */
      total: string;
      /** @description Unassigned customers whose largest spend is with this number */
      clientsWaiting: number;
    };
    SalesBatch: {
      integrationId: number;
      /** @enum {string} */
      timing: "batched" | "realtime";
      /** @description the windows, in the store's time zone */
      times: string[];
      timeZone: string;
      /** @description null: sales are taken as they come */
      nextRunAt: string | null;
      lastRunAt: string | null;
      held: {
        count: number;
        total: string | null;
        oldestReceivedAt: string | null;
      };
    };
    Backfill: {
      integrationId: number;
      /** @enum {string} */
      state: "fetching" | "failing" | "processing" | "assigning" | "done";
      onboardedAt: string | null;
      salesHistoryPagesPerMinute: number | null;
      feeds: {
        feed: string;
        caughtUp: boolean;
        pages: number;
        /** @description records fetched so far */
        records: number;
        lastError: string | null;
        lastPolledAt: string | null;
        /** @description a throttled feed is not polled again before then */
        notBefore: string | null;
      }[];
      sales: {
        fetched: number;
        processed: number;
        waiting: number;
        failing: number;
      };
    };
    Sale: {
      purchaseId: number;
      externalId: string | null;
      occurredAt: string;
      /** @description the store-local day */
      day: string;
      clientId: number;
      clientName: string;
      total: string;
      currency: string;
      associateNumber: string | null;
      associateUserId: number | null;
      categories: string[];
    };
    SalesReport: {
      currency: string;
      timeZone: string;
      /** @enum {string} */
      by: "day" | "associate" | "category";
      rows: {
        key: string;
        label: string;
        sales: number;
        total: string;
      }[];
    };
    SalesTrigger: {
      id: number;
      /** @description the title of the follow-ups it creates */
      name: string;
      /** @description 0 to 3650: days after the sale, store-local */
      daysAfter: number;
      /** @description only sales with a line of it */
      category: string | null;
      /** @description only sales of at least this total */
      minAmount: string | null;
      active: boolean;
      createdBy: number | null;
      createdAt: string;
    };
    FollowUpTask: {
      id: number;
      title: string;
      triggerId: number;
      purchaseId: number;
      clientId: number;
      clientName: string;
      /** @description null: the store's queue */
      assignedUserId: number | null;
      dueAt: string;
      createdAt: string;
      /** @enum {string} */
      state: "open" | "done" | "dismissed";
      closedBy: number | null;
      closedAt: string | null;
    };
    Store: {
      id: number;
      name: string;
      /** @description IANA; sales batches (T1) and reports run in it */
      timeZone: string;
      /** @description phones written without +prefix */
      country: string;
      /** @description ISO 4217; sales in another are held back (T2) */
      currency: string;
    };
    Conflict: {
      id: number;
      customerId: number;
      integrationId: number;
      field: string;
      baseValue: string | null;
      hubValue: string | null;
      externalValue: string | null;
      openedAt: string;
    };
    Comparison: {
      partner: boolean;
      status: string;
      externalId?: string;
      fields: {
        field: string;
        hub: string | null;
        external: string | null;
        differs: boolean;
        conflict: boolean;
        rule: string;
      }[];
    };
    Purchase: {
      id: number;
      externalId: string | null;
      occurredAt: string;
      total: string;
      currency: string;
      associateNumber: string | null;
      /** @description the user who made a sale entered in the hub (T4) */
      soldBy: number | null;
      lines: {
        productId: number;
        name: string;
        kind: string;
        quantity: string;
        amount: string;
      }[];
    };
    Product: {
      id: number;
      origin: string;
      sku: string | null;
      name: string;
      category: string | null;
      vendor: string | null;
      inventory_type: string | null;
      price: string | null;
      archived: boolean;
    };
    Collection: {
      name: string;
      items: {
        id: number;
        productId: number;
        name: string;
      }[];
    };
    Job: {
      id: number;
      kind: string;
      state: string;
      attempts: number;
      lastError: string | null;
      payload?: unknown;
      updatedAt: string;
    };
    ChangeEvent: {
      id: number;
      integrationId: number | null;
      /** @example sale.webhook */
      kind: string;
      /** @description the record's id at its source */
      externalId: string | null;
      /** @description the hub customer it concerns */
      customerId: number | null;
      /**
       * @description waiting: tried again at retryAt; parked: used its attempts, tried again only on request
       * @enum {string}
       */
      state: "waiting" | "parked" | "processed";
      attempts: number;
      lastError: string | null;
      outcome: string | null;
      retryAt: string | null;
      receivedAt: string;
    };
    Integration: {
      id: number;
      kind: string;
      name: string;
      /** @description the system's address; null for kinds that have none */
      baseUrl: string | null;
      /** @description R8.1: the connector's own settings, as its manifest defines them */
      connection: {
        [key: string]: unknown;
      };
      enabled: boolean;
      options: {
        /**
         * @default all
         * @enum {string}
         */
        syncMode: "all" | "selected";
        /** @default true */
        pushNewCustomers: boolean;
        /**
         * @default created
         * @enum {string}
         */
        transferWhen: "created" | "active";
        webhooks?: boolean;
        /** @default 30 */
        pollIntervalSeconds: number;
        /** @default {} */
        fieldMap: {
          [key: string]: string;
        };
        /** @default Edge */
        wishlistCollection: string;
        /**
         * @default {
         *       "excludeCategories": [],
         *       "excludeVendors": [],
         *       "excludeTypes": []
         *     }
         */
        inventoryFilters: {
          /** @default [] */
          excludeCategories: string[];
          /** @default [] */
          excludeVendors: string[];
          /** @default [] */
          excludeTypes: string[];
        };
        /** @default 0.9 */
        matchThreshold: number;
        /**
         * @default batched
         * @enum {string}
         */
        salesTiming: "batched" | "realtime";
        /**
         * @default [
         *       "12:00",
         *       "23:00"
         *     ]
         */
        salesBatchTimes: string[];
        salesHistoryPagesPerMinute?: number;
        defaultAssociateNumber?: string;
      };
      webhookUrl: string;
    };
    AssociateMapping: {
      userId: number;
      associateNumber: string;
    };
    ExternalCustomer: {
      /** @description the customer's id in the other system */
      externalId: string;
      /** @description the customer's number in the other system */
      customerNumber: string | null;
      /** @enum {string} */
      status: "unlinked" | "excluded";
      firstName: string | null;
      lastName: string | null;
      contacts: {
        /** @enum {string} */
        kind: "email" | "phone" | "address";
        value: string;
      }[];
    };
    PartnerSuggestion: {
      clientId: number;
      /** @description the hub customer's number */
      clientNumber: string;
      externalId: string;
      externalNumber: string | null;
      /** @description 0 to 1 */
      score: number;
      /**
       * @example [
       *       "same phone",
       *       "same town"
       *     ]
       */
      reasons: string[];
    };
    PartnerPlan: {
      integrationId: number;
      /** @enum {string} */
      numberChoice: "keep" | "next";
      hub: {
        created: number;
        linked: number;
        conflicts: number;
        refused: number;
        excluded: number;
        lists: {
          created: {
            clientId: number | null;
            customerNumber: string | null;
            externalId: string | null;
            externalNumber: string | null;
            name: string;
            reason?: string;
          }[];
          linked: {
            clientId: number | null;
            customerNumber: string | null;
            externalId: string | null;
            externalNumber: string | null;
            name: string;
            reason?: string;
          }[];
          conflicts: {
            clientId: number | null;
            customerNumber: string | null;
            externalId: string | null;
            externalNumber: string | null;
            name: string;
            reason?: string;
          }[];
          refused: {
            clientId: number | null;
            customerNumber: string | null;
            externalId: string | null;
            externalNumber: string | null;
            name: string;
            reason?: string;
          }[];
          excluded: {
            clientId: number | null;
            customerNumber: string | null;
            externalId: string | null;
            externalNumber: string | null;
            name: string;
            reason?: string;
          }[];
        };
      };
      external: {
        created: number;
        linked: number;
        conflicts: number;
        refused: number;
        excluded: number;
        lists: {
          created: {
            clientId: number | null;
            customerNumber: string | null;
            externalId: string | null;
            externalNumber: string | null;
            name: string;
            reason?: string;
          }[];
          linked: {
            clientId: number | null;
            customerNumber: string | null;
            externalId: string | null;
            externalNumber: string | null;
            name: string;
            reason?: string;
          }[];
          conflicts: {
            clientId: number | null;
            customerNumber: string | null;
            externalId: string | null;
            externalNumber: string | null;
            name: string;
            reason?: string;
          }[];
          refused: {
            clientId: number | null;
            customerNumber: string | null;
            externalId: string | null;
            externalNumber: string | null;
            name: string;
            reason?: string;
          }[];
          excluded: {
            clientId: number | null;
            customerNumber: string | null;
            externalId: string | null;
            externalNumber: string | null;
            name: string;
            reason?: string;
          }[];
        };
      };
      summary: string;
    };
    User: {
      id: number;
      name: string;
      email: string;
      /** @enum {string} */
      role: "admin" | "manager" | "associate";
      /** @description false once deactivated */
      active: boolean;
      /** @description when the current token was issued; null: the user has none */
      tokenIssuedAt: string | null;
    };
    Session: {
      /** @description the session token (also set as the HttpOnly cookie tandem_session): send it as Authorization: Bearer <token> */
      token: string;
      expiresAt: string;
      user: components["schemas"]["User"];
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  importIntegrationFile: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "text/csv": string;
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
      };
    };
    responses: {
      /** @description what the import changed */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["IntegrationFileImport"];
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  importHubFile: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "text/csv": string;
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
      };
    };
    responses: {
      /** @description the rows checked, the run that creates them, and the rows left out */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["HubFileImport"];
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  previewHubFile: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "text/csv": string;
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
      };
    };
    responses: {
      /** @description what the import would do */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["HubFilePreview"];
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  exportCustomers: {
    parameters: {
      query?: {
        format?: "csv" | "xlsx";
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the customer file */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "text/csv": string;
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  customerFileTemplate: {
    parameters: {
      query?: {
        format?: "csv" | "xlsx";
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the template */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "text/csv": string;
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  listCustomers: {
    parameters: {
      query?: {
        /** @description the integration whose sync status `status` filters by */
        integrationId?: number;
        /** @description S11: only customers in this section of `integrationId` */
        status?: "unlinked" | "conflict" | "synced" | "excluded" | "error";
        /** @description text found in the first or last name, or in any contact method (any case), or the exact customer number */
        q?: string;
        after?: number;
        /** @description 1 to 500, default 100 */
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description a page of customers */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            customers: components["schemas"]["Customer"][];
            next: number | null;
          };
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  createCustomer: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          customerNumber?: string;
          firstName?: string | null;
          lastName?: string | null;
          acquisition?: string | null;
          /** @default [] */
          contacts?: {
            /** @enum {string} */
            kind: "email" | "phone" | "address";
            value: string;
          }[];
          /** @default {} */
          preferences?: {
            [key: string]: string;
          };
          /**
           * @default prospect
           * @enum {string}
           */
          lifecycle?: "prospect" | "active";
        };
      };
    };
    responses: {
      /** @description the new customer */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Customer"];
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getCustomer: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the customer, with its sync status per integration */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Customer"];
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  updateCustomer: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          firstName?: string | null;
          lastName?: string | null;
          acquisition?: string | null;
          preferences?: {
            [key: string]: string | null;
          };
          /** @enum {string} */
          lifecycle?: "prospect" | "active";
          addNotes?: string[];
          editNotes?: {
            [key: string]: string;
          };
        };
      };
    };
    responses: {
      /** @description the customer after the edit */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Customer"];
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  selectPartner: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          integrationId: number;
          /** @description the customer's id in the other system */
          externalId: string;
        };
      };
    };
    responses: {
      /** @description the customer, paired */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Customer"];
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  createPartnerThere: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          integrationId: number;
          /**
           * @description keep: the customer's number on its side (the default); next: the next free number of the side it is created on; typed: `number`
           * @enum {string}
           */
          numberChoice?: "keep" | "next" | "typed";
          /** @description the number typed, with numberChoice 'typed'; refused (409) when in use */
          number?: string;
        };
      };
    };
    responses: {
      /** @description the customer, its partner's create queued */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Customer"];
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  setCustomerExclusion: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          integrationId: number;
          excluded: boolean;
        };
      };
    };
    responses: {
      /** @description the customer */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Customer"];
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getCustomerHistory: {
    parameters: {
      query?: {
        /** @description one field (lastName) or a family (pref, note, contact, wish) */
        field?: string;
      };
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description every applied change, oldest first */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            entries: components["schemas"]["AuditEntry"][];
          };
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  assignCustomer: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /** @description a user of the store, or null for Unassigned */
          userId: number | null;
        };
      };
    };
    responses: {
      /** @description the customer */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Customer"];
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  assignCustomers: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          customerIds: number[];
          /** @description a user of the store, or null for Unassigned */
          userId: number | null;
        };
      };
    };
    responses: {
      /** @description what became of each customer named */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["BulkAssignment"];
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  assignBySpend: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description how many customers were assigned, and the numbers that assign no one */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["SpendAssignment"];
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  listUnmappedAssociates: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the numbers */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            associates: components["schemas"]["UnmappedAssociate"][];
          };
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getSalesBatch: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the batch */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["SalesBatch"];
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  runSalesBatch: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the batch after the run, and how many sales went */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            integrationId: number;
            /** @enum {string} */
            timing: "batched" | "realtime";
            /** @description the windows, in the store's time zone */
            times: string[];
            timeZone: string;
            /** @description null: sales are taken as they come */
            nextRunAt: string | null;
            lastRunAt: string | null;
            held: {
              count: number;
              total: string | null;
              oldestReceivedAt: string | null;
            };
            released: number;
          };
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getBackfill: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the progress */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Backfill"];
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  listSales: {
    parameters: {
      query: {
        /** @description the first store-local day, YYYY-MM-DD */
        from: string;
        /** @description the last store-local day, YYYY-MM-DD (a year at most) */
        to: string;
        /** @description 1 to 500, default 100 */
        limit?: number;
        before?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the sales */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            currency: string;
            timeZone: string;
            sales: components["schemas"]["Sale"][];
          };
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  reportSales: {
    parameters: {
      query: {
        /** @description the first store-local day, YYYY-MM-DD */
        from: string;
        /** @description the last store-local day, YYYY-MM-DD (a year at most) */
        to: string;
        by?: "day" | "associate" | "category";
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the report */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["SalesReport"];
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  listSalesTriggers: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the triggers */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            triggers: components["schemas"]["SalesTrigger"][];
          };
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  createSalesTrigger: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          name: string;
          daysAfter: number;
          category?: string | null;
          minAmount?: number | string | null;
          active?: boolean;
        };
      };
    };
    responses: {
      /** @description the trigger */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["SalesTrigger"];
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  changeSalesTrigger: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          name?: string;
          daysAfter?: number;
          category?: string | null;
          minAmount?: number | string | null;
          active?: boolean;
        };
      };
    };
    responses: {
      /** @description the trigger */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["SalesTrigger"];
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  listTasks: {
    parameters: {
      query?: {
        state?: "open" | "done" | "dismissed";
        /** @description me, queue, or a user id */
        assignedTo?: string;
        after?: number;
        /** @description 1 to 500, default 100 */
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the tasks */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            tasks: components["schemas"]["FollowUpTask"][];
          };
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  closeTask: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /** @enum {string} */
          state: "done" | "dismissed";
        };
      };
    };
    responses: {
      /** @description the task */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["FollowUpTask"];
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getStore: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the store */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Store"];
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  changeStore: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          name?: string;
          timeZone?: string;
          country?: string;
          currency?: string;
        };
      };
    };
    responses: {
      /** @description the store */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Store"];
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  replaceContacts: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          contacts: {
            /** @enum {string} */
            kind: "email" | "phone" | "address";
            value: string;
          }[];
        };
      };
    };
    responses: {
      /** @description the customer with the new list */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Customer"];
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  addContact: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /** @enum {string} */
          kind: "email" | "phone" | "address";
          value: string;
        };
      };
    };
    responses: {
      /** @description the customer with the new contact */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Customer"];
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the customer has this contact already */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              code: string;
              message: string;
            };
          };
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  removeContact: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
        kind: "email" | "phone" | "address";
        /** @description the contact's value, percent-encoded; matched in normalised form (any case of an email, any formatting of a phone) */
        value: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the customer after the removal */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Customer"];
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  changeContact: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
        kind: "email" | "phone" | "address";
        /** @description the contact's value, percent-encoded; matched in normalised form (any case of an email, any formatting of a phone) */
        value: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          value: string;
        };
      };
    };
    responses: {
      /** @description the customer after the change */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Customer"];
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the customer has this contact already */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              code: string;
              message: string;
            };
          };
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  listConflicts: {
    parameters: {
      query?: {
        integrationId?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description open conflicts, per customer and field */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            conflicts: components["schemas"]["Conflict"][];
          };
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  compareCustomer: {
    parameters: {
      query: {
        integrationId: number;
      };
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description field by field, differences and conflicts marked */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Comparison"];
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  resolveConflicts: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          integrationId: number;
          fields: {
            [key: string]:
              | {
                  /** @enum {string} */
                  take: "hub";
                }
              | {
                  /** @enum {string} */
                  take: "external";
                }
              | {
                  /** @enum {string} */
                  take: "value";
                  value: string | null;
                };
          };
        };
      };
    };
    responses: {
      /** @description the customer after the resolution */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Customer"];
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  recordSentMessage: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /** @enum {string} */
          channel: "email" | "text";
          body: string;
        };
      };
    };
    responses: {
      /** @description the customer */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Customer"];
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  listCustomerPurchases: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description purchases, oldest first */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            purchases: components["schemas"]["Purchase"][];
          };
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  recordCustomerPurchase: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /** Format: date-time */
          occurredAt?: string;
          soldBy?: number;
          lines: {
            description: string;
            category?: string | null;
            /** @default 1 */
            quantity?: number;
            amount: number;
          }[];
        };
      };
    };
    responses: {
      /** @description the purchase */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Purchase"];
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  listProducts: {
    parameters: {
      query?: {
        archived?: "true" | "false";
        after?: number;
        /** @description 1 to 500, default 100 */
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description products */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            products: components["schemas"]["Product"][];
          };
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  listCollections: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the customer's collections */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            collections: components["schemas"]["Collection"][];
          };
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  addCollectionItem: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
        name: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          productId?: number;
          description?: string;
        };
      };
    };
    responses: {
      /** @description the customer */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Customer"];
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  removeCollectionItem: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
        name: string;
        itemId: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the customer */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Customer"];
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  listJobs: {
    parameters: {
      query?: {
        state?: "ready" | "running" | "done" | "dead";
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description jobs, newest first */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            jobs: components["schemas"]["Job"][];
          };
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  retryJob: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the customer, sync queued again */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Customer"];
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  listFailedEvents: {
    parameters: {
      query?: {
        /** @description 1 to 500, default 100 */
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description failing events, oldest first */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            events: components["schemas"]["ChangeEvent"][];
          };
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  retryEvent: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the event after the retry: processed, or waiting again with its reason */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ChangeEvent"];
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the event is not failing: nothing to retry */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  listIntegrations: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the store's integrations */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            integrations: components["schemas"]["Integration"][];
          };
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  createIntegration: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          kind: string;
          name: string;
          baseUrl?: string;
          apiKey?: string;
          credentials?: {
            [key: string]: unknown;
          };
          connection?: {
            [key: string]: unknown;
          };
          /**
           * @default {
           *       "syncMode": "all",
           *       "pushNewCustomers": true,
           *       "transferWhen": "created",
           *       "pollIntervalSeconds": 30,
           *       "fieldMap": {},
           *       "wishlistCollection": "Edge",
           *       "inventoryFilters": {
           *         "excludeCategories": [],
           *         "excludeVendors": [],
           *         "excludeTypes": []
           *       },
           *       "matchThreshold": 0.9,
           *       "salesTiming": "batched",
           *       "salesBatchTimes": [
           *         "12:00",
           *         "23:00"
           *       ]
           *     }
           */
          options?: {
            /**
             * @default all
             * @enum {string}
             */
            syncMode?: "all" | "selected";
            /** @default true */
            pushNewCustomers?: boolean;
            /**
             * @default created
             * @enum {string}
             */
            transferWhen?: "created" | "active";
            webhooks?: boolean;
            /** @default 30 */
            pollIntervalSeconds?: number;
            /** @default {} */
            fieldMap?: {
              [key: string]: string;
            };
            /** @default Edge */
            wishlistCollection?: string;
            /**
             * @default {
             *       "excludeCategories": [],
             *       "excludeVendors": [],
             *       "excludeTypes": []
             *     }
             */
            inventoryFilters?: {
              /** @default [] */
              excludeCategories?: string[];
              /** @default [] */
              excludeVendors?: string[];
              /** @default [] */
              excludeTypes?: string[];
            };
            /** @default 0.9 */
            matchThreshold?: number;
            /**
             * @default batched
             * @enum {string}
             */
            salesTiming?: "batched" | "realtime";
            /**
             * @default [
             *       "12:00",
             *       "23:00"
             *     ]
             */
            salesBatchTimes?: string[];
            salesHistoryPagesPerMinute?: number;
            defaultAssociateNumber?: string;
          };
        };
      };
    };
    responses: {
      /** @description the integration, connection tested */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Integration"];
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the external system could not be reached */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              code: string;
              message: string;
            };
          };
        };
      };
    };
  };
  getIntegration: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the integration */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Integration"];
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  updateIntegration: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          name?: string;
          baseUrl?: string;
          apiKey?: string;
          credentials?: {
            [key: string]: unknown;
          };
          connection?: {
            [key: string]: unknown;
          };
          enabled?: boolean;
          options?: {
            /** @enum {string|null} */
            syncMode?: "all" | "selected" | null;
            pushNewCustomers?: boolean | null;
            /** @enum {string|null} */
            transferWhen?: "created" | "active" | null;
            webhooks?: boolean | null;
            pollIntervalSeconds?: number | null;
            fieldMap?: {
              [key: string]: string | null;
            } | null;
            wishlistCollection?: string | null;
            inventoryFilters?: {
              excludeCategories?: string[] | null;
              excludeVendors?: string[] | null;
              excludeTypes?: string[] | null;
            } | null;
            matchThreshold?: number | null;
            /** @enum {string|null} */
            salesTiming?: "batched" | "realtime" | null;
            salesBatchTimes?: string[] | null;
            salesHistoryPagesPerMinute?: number | null;
            defaultAssociateNumber?: string | null;
          };
        };
      };
    };
    responses: {
      /** @description the integration after the change */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Integration"];
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the external system could not be reached */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              code: string;
              message: string;
            };
          };
        };
      };
    };
  };
  testIntegration: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the connection works */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            name: string;
          };
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the external system could not be reached */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              code: string;
              message: string;
            };
          };
        };
      };
    };
  };
  enableCustomerSync: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          customerIds?: number[];
          filter?: {
            /**
             * @description S11: only customers in this section of `integrationId`
             * @enum {string}
             */
            status?: "unlinked" | "conflict" | "synced" | "excluded" | "error";
            /** @description text found in the first or last name, or in any contact method (any case), or the exact customer number */
            q?: string;
          };
        };
      };
    };
    responses: {
      /** @description how many customers were set to sync */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @description customers set to sync now */
            synced: number;
            /** @description customers whose sync the workers do */
            queued: number;
          };
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  countSyncSections: {
    parameters: {
      query?: {
        /** @description text found in the first or last name, or in any contact method (any case), or the exact customer number */
        q?: string;
      };
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the counts of both sides */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @description hub customers per status (unlinked includes those without a link) */
            counts: {
              unlinked?: number;
              conflict?: number;
              synced?: number;
              excluded?: number;
              error?: number;
            };
            /** @description the other system's customers without a hub customer, per status (GET /v1/integrations/{id}/external-customers lists them) */
            external: {
              unlinked?: number;
              excluded?: number;
            };
          };
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  listAssociateMappings: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the mappings */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            associates: components["schemas"]["AssociateMapping"][];
          };
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  setAssociateMapping: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
        userId: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          associateNumber: string | null;
        };
      };
    };
    responses: {
      /** @description the mappings after the change */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            associates: components["schemas"]["AssociateMapping"][];
          };
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  listExternalCustomers: {
    parameters: {
      query?: {
        /** @description only unlinked ones, or only excluded ones (default both) */
        status?: "unlinked" | "excluded";
        /** @description text found in the first or last name or any contact method (any case), or the exact customer number */
        q?: string;
        after?: number;
        /** @description 1 to 500, default 100 */
        limit?: number;
      };
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description a page of them, in the order the hub recorded them */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            customers: components["schemas"]["ExternalCustomer"][];
            /** @description `after` for the next page; null on the last */
            next: number | null;
          };
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  setExternalCustomerExclusion: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
        /** @description the customer's id in the other system */
        externalId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          excluded: boolean;
        };
      };
    };
    responses: {
      /** @description where the customer stands now */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            externalId: string;
            /** @description the hub customer it is paired with, if any */
            clientId: number | null;
            /** @enum {string} */
            status: "unlinked" | "conflict" | "synced" | "excluded" | "error";
          };
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  createPartnerHere: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
        /** @description the customer's id in the other system */
        externalId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /**
           * @description keep: the customer's number on its side (the default); next: the next free number of the side it is created on; typed: `number`
           * @enum {string}
           */
          numberChoice?: "keep" | "next" | "typed";
          /** @description the number typed, with numberChoice 'typed'; refused (409) when in use */
          number?: string;
        };
      };
    };
    responses: {
      /** @description the hub customer, synced with it */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Customer"];
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  suggestPartners: {
    parameters: {
      query?: {
        /** @description 1 to 10,000, default 100. Each page matches both sides whole, so to read them all take large pages */
        limit?: number;
        /** @description the previous page's `next`: the suggestions after the last one it showed */
        after?: string;
        /** @description only the suggestion for this hub customer (none when it has none) */
        clientId?: number;
      };
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the suggestions, best first */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            suggestions: components["schemas"]["PartnerSuggestion"][];
            /** @description `after` for the next page; null on the last */
            next: string | null;
          };
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  confirmPartners: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          pairs: {
            clientId: number;
            externalId: string;
          }[];
        };
      };
    };
    responses: {
      /** @description per pair, made or why not */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            results: {
              clientId: number;
              externalId: string;
              /**
               * @description the pair's status; null when it was not made
               * @enum {string|null}
               */
              status: "unlinked" | "conflict" | "synced" | "excluded" | "error" | null;
              error: {
                code: string;
                message: string;
              } | null;
            }[];
          };
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  startPartnerRun: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /**
           * @description hub: every hub customer without a partner gets one created in the other system; external: every customer of the other system the hub recorded without a hub customer is made a hub customer
           * @enum {string}
           */
          side: "hub" | "external";
          /**
           * @description keep: each customer's number on its side (the default); next: the next free numbers of the side they are created on
           * @enum {string}
           */
          numberChoice?: "keep" | "next";
        };
      };
    };
    responses: {
      /** @description the run, started */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PartnerRun"];
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  listPartnerRuns: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the runs */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            runs: components["schemas"]["PartnerRun"][];
          };
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getPartnerRun: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the run */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PartnerRun"];
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  planPartners: {
    parameters: {
      query?: {
        numberChoice?: "keep" | "next";
        /** @description entries per list (default 100) */
        limit?: string;
      };
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the plan */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PartnerPlan"];
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getMe: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the user the token belongs to */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["User"];
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  listUsers: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the store's users */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            users: components["schemas"]["User"][];
          };
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  createUser: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          name: string;
          /** Format: email */
          email: string;
          /** @enum {string} */
          role: "admin" | "manager" | "associate";
        };
      };
    };
    responses: {
      /** @description the user and its API token, shown once (only its hash is stored) */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            user: components["schemas"]["User"];
            token: string;
          };
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not possible in the user's state (the last active admin, a deactivated user) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              code: string;
              message: string;
            };
          };
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  deactivateUser: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the user, deactivated */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["User"];
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not possible in the user's state (the last active admin, a deactivated user) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              code: string;
              message: string;
            };
          };
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  changeUserRole: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /** @enum {string} */
          role: "admin" | "manager" | "associate";
        };
      };
    };
    responses: {
      /** @description the user */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["User"];
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not possible in the user's state (the last active admin, a deactivated user) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              code: string;
              message: string;
            };
          };
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  activateUser: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the user, active */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["User"];
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  issueUserToken: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the user and its API token, shown once (only its hash is stored) */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            user: components["schemas"]["User"];
            token: string;
          };
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not possible in the user's state (the last active admin, a deactivated user) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              code: string;
              message: string;
            };
          };
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  revokeUserToken: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the user, without a token */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["User"];
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  signIn: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          email: string;
          password: string;
        };
      };
    };
    responses: {
      /** @description signed in */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Session"];
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description too many failed sign-ins: try again after Retry-After seconds */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              code: string;
              message: string;
            };
          };
        };
      };
    };
  };
  acceptInvitation: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          token: string;
          password: string;
        };
      };
    };
    responses: {
      /** @description the password set, signed in */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Session"];
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  signOut: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description signed out */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  inviteUser: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the invitation, shown once (only its hash is stored) */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            user: components["schemas"]["User"];
            invitation: {
              token: string;
              expiresAt: string;
            };
          };
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  watchChanges: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the event stream */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "text/event-stream": string;
        };
      };
      /** @description invalid input; the message names the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description no or bad API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is larger than the server's --max-body-bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description the body is not application/json (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
}
