export { alignWithDearCarriers, dearCarrierName, DEFAULT_DEAR_CARRIER_NAMES, type CarrierNameInput } from './carrier-names';
export { DEFAULT_TRACKING_URL_TEMPLATES, trackingUrl, type TrackingUrlInput } from './tracking-urls';
export { DearWriteBack, type DearWriteBackOptions, type ShipmentRecord, type WriteBackOutcome } from './dear-write-back';
export type { SaleNoteWriter, VoidInput, VoidOutcome } from './void-correction';
export { DearPackNotAuthorisedError, DearWriteBackError, type DearWriteBackErrorCode } from './write-back.errors';
