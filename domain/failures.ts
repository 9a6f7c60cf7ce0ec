/**
 * Every failure type the product raises (`ApplicationFailure.type`), in one place: activities throw them, retry
 * policies name the ones not worth retrying, workflows match on them. Permanent faults are thrown non-retryable;
 * transient ones (SMTP down, Temporal unreachable) stay plain errors and are retried.
 */
export const FAILURES = {
  /** An update refused by its validator: what, where and what was expected. Never reaches history. */
  invalidRequest: 'InvalidRequest',
  /** The mail server refused the message or its address for good (5xx, no valid recipient). */
  emailRejected: 'EmailRejected',
  /** A file the e-mail must attach is not there. */
  emailAttachmentMissing: 'EmailAttachmentMissing',
  /** A report cannot be made from what it was given (a malformed date, a key with no usable characters). */
  reportInputInvalid: 'ReportInputInvalid',
  /** The document number register belongs to another organisation or year, or cannot be read. */
  numberRegisterInvalid: 'NumberRegisterInvalid',
  /** A plan workflow was started with a plan that does not pass the schema: it fails at once, naming the problems. */
  planInvalid: 'PlanInvalid',
  /** The blob store refuses this worker (credentials, bucket, folder permissions): no retry helps until it is fixed. */
  blobStoreUnusable: 'BlobStoreUnusable',
  /**
   * A closed plan-year cannot be archived as asked or configured: its plan workflow is gone, a key or file name no
   * blob store takes, or a store refusing this worker (`BlobStoreConfigError`). Retrying would fail the same way.
   */
  archiveInvalid: 'ArchiveInvalid',
  /**
   * A list's filter or page token that no visibility query may carry (a code outside its pattern, a year out of
   * range, a page token the server does not take): refused before or instead of a search.
   */
  listQueryInvalid: 'ListQueryInvalid',
  /** A signed plan given to `kehoach plan draft` is not a DOCX or PDF, is damaged, or no pdftotext is installed. */
  documentUnreadable: 'DocumentUnreadable',
  /**
   * The parent body's report item refused a subordinate's report (it does not list this body, or is closed): the
   * parent's plan must name the body in `subordinates`, then the office retries.
   */
  rollUpRefused: 'RollUpRefused',
  /** The parent body's report item of the period does not run (no such plan or period there). */
  rollUpTargetMissing: 'RollUpTargetMissing',
  /** The parent's plan runs in another namespace that this worker's NEXUS_ENDPOINTS gives no endpoint for. */
  rollUpEndpointMissing: 'RollUpEndpointMissing',
} as const;

export type FailureType = (typeof FAILURES)[keyof typeof FAILURES];
