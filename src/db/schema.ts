import type { ColumnType } from 'kysely';
import type { IncidentKind } from '../custody/incident-kinds.js';
import type { RuleEvaluation } from '../eligibility/policy.js';
import type { LegalStatus, PersonRecord } from '../people/model.js';
import type { TransferEvent } from '../transfers/model.js';
import type { Direction, TransferStatus, TransferStep } from '../transfers/states.js';

/** Kysely's view of the database. Read tables are written only by projections. */
export interface Database {
  ledger_entries: LedgerEntryTable;
  ledger_checkpoints: LedgerCheckpointTable;
  ledger_witnesses: LedgerWitnessTable;
  ledger_cosignatures: LedgerCosignatureTable;
  ledger_witness_answers: LedgerWitnessAnswerTable;
  ledger_person_entries: LedgerPersonEntryTable;
  agencies: AgencyTable;
  facilities: FacilityTable;
  facility_modules: FacilityModuleTable;
  cells: CellTable;
  agreements: AgreementTable;
  agreement_facilities: { agreement_id: string; facility_id: string };
  agreement_agencies: { agreement_id: string; agency_code: string; side: 'sending' | 'receiving' };
  eligibility_policies: EligibilityPolicyTable;
  fee_schedules: FeeScheduleTable;
  people: PersonTable;
  /** People on each agreement's roster (not withdrawn), kept by the people projectors. */
  roster_counts: { agreement_id: string; people: number };
  screenings: ScreeningTable;
  transfers: TransferTable;
  transfer_history: TransferHistoryTable;
  agreement_places: { agreement_id: string; reserved: number };
  manifests: ManifestTable;
  manifest_entries: ManifestEntryTable;
  custody_intervals: CustodyIntervalTable;
  /** Transferees in custody (open intervals) at each facility, kept by the custody projectors. */
  facility_occupancy: { facility_id: string; transferees: number };
  notification_obligations: NotificationObligationTable;
  housing_assignments: HousingAssignmentTable;
  regime_log: RegimeLogTable;
  incidents: IncidentTable;
  incident_history: IncidentHistoryTable;
  headcounts: HeadcountTable;
  isolation_placements: IsolationPlacementTable;
  consular_notifications: ConsularNotificationTable;
  release_date_calculations: ReleaseDateCalculationTable;
  detention_explanations: DetentionExplanationTable;
  invoices: InvoiceTable;
  invoice_lines: InvoiceLineTable;
  invoice_numbers: { singleton: boolean; last_number: number };
  payments: PaymentTable;
  report_obligations: ReportObligationTable;
  parties: PartyTable;
  representations: RepresentationTable;
  users: UserTable;
  user_parties: UserPartyTable;
  person_seals: PersonSealTable;
  legal_visits: LegalVisitTable;
  courts: CourtTable;
  hearing_rooms: HearingRoomTable;
  room_blocks: RoomBlockTable;
  hearings: HearingTable;
  hearing_history: HearingHistoryTable;
  credentials: {
    user_id: string;
    password_hash: string;
    changed_at: Date;
    must_change: ColumnType<boolean, boolean | undefined, boolean>;
    one_time_used: ColumnType<boolean, boolean | undefined, boolean>;
    last_sign_in_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  };
  sessions: { id_hash: string; user_id: string; csrf_token: string; created_at: Date; expires_at: Date };
  locator_lookups: LocatorLookupTable;
  statistics_releases: StatisticsReleaseTable;
  api_tokens: {
    id: string;
    user_id: string;
    token_hash: string;
    created_at: Date;
    revoked_at: Date | null;
    expires_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  };
}

type Json<T> = ColumnType<T, string, string>;

export interface LedgerEntryTable {
  seq: number;
  type: string;
  stream_id: string;
  stream_version: number;
  recorded_at: Date;
  actor: string;
  leaf: string;
  leaf_hash: Uint8Array;
  /** Hashes of the interior nodes this leaf completed, level 1 upwards, 32 bytes each. */
  subtree_hashes: Uint8Array;
}

/** Which ledger entries are about which person (migration 0027, decision 0031). */
export interface LedgerPersonEntryTable {
  person_id: string;
  seq: number;
}

export interface LedgerCheckpointTable {
  size: number;
  root: Uint8Array;
  note: string;
  signed_at: Date;
}

export interface LedgerWitnessTable {
  name: string;
  url: string;
  verifier_key: string;
  added_at: Date;
}

export interface LedgerCosignatureTable {
  witness: string;
  key_id: number;
  size: number;
  line: string;
  signed_at: Date;
  received_at: Date;
}

export interface LedgerWitnessAnswerTable {
  witness: string;
  known_size: number | null;
  outcome: 'cosigned' | 'refused' | 'unreachable';
  http_status: number | null;
  detail: string;
  answered_at: Date;
}

export interface AgencyTable {
  code: string;
  name: string;
  jurisdiction: string;
  registered_at: Date;
}

export interface FacilityTable {
  id: string;
  code: string;
  name: string;
  jurisdiction: string;
  time_zone: string;
  operational_capacity: number;
  location: string | null;
  /** Written by the projection; null for a facility registered without one. */
  address: ColumnType<string | null, string | null | undefined, string | null>;
  opened_on: string | null;
  staff: Json<Record<string, number>>;
  notes: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface FacilityModuleTable {
  id: string;
  facility_id: string;
  code: string;
  name: string;
}

export interface CellTable {
  id: string;
  facility_id: string;
  module_id: string;
  code: string;
  area_m2: ColumnType<string, number | string, number | string>;
  bunks: number;
  working_capacity: number;
  local_occupants: number;
  /** The sex of the local occupants (null when none, or not recorded). */
  local_sex: ColumnType<'M' | 'F' | null, 'M' | 'F' | null | undefined, 'M' | 'F' | null>;
  status: 'active' | 'inactive';
  status_reason: string | null;
}

export interface AgreementTable {
  id: string;
  code: string;
  title: string;
  sending_jurisdiction: string;
  receiving_jurisdiction: string;
  status: 'draft' | 'in_force' | 'suspended' | 'terminated';
  effective_from: string | null;
  effective_to: string | null;
  bed_allotment: number;
  settings: Json<Record<string, unknown>>;
  standards: Json<unknown[]>;
  reports: Json<unknown[]>;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface EligibilityPolicyTable {
  agreement_id: string;
  version: number;
  policy_id: string;
  effective_from: string;
  rules: Json<unknown>;
  recorded_at: Date;
}

export interface FeeScheduleTable {
  agreement_id: string;
  version: number;
  kind: 'per_person_day' | 'per_person_year' | 'lump_sum';
  amount_cents: number;
  currency: string;
  billing_period: 'month' | 'quarter' | 'year';
  effective_from: string;
  clause: string | null;
  recorded_at: Date;
}

export interface PersonTable {
  id: string;
  agreement_id: string;
  ref: string;
  version: number;
  given_names: string;
  paternal_surname: string;
  maternal_surname: string | null;
  birth_date: string;
  // The list columns of the record; only the projection writes them, from a record the schema accepted.
  sex: PersonRecord['sex'];
  nationalities: string[];
  legal_status: LegalStatus;
  record: Json<unknown>;
  record_hash: string;
  search_text: string;
  withdrawn_reason: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface PartyTable {
  id: string;
  kind: string;
  code: string;
  code_key: string;
  name: string;
  person_id: string | null;
  created_at: Date;
}

export interface RepresentationTable {
  id: string;
  person_id: string;
  agreement_id: string;
  office_id: string;
  from_date: ColumnType<string, string, string>;
  to_date: ColumnType<string | null, string | null, string | null>;
  source: string;
  confirmed_at: Date | null;
  recorded_at: Date;
  recorded_by: string;
}

export interface UserPartyTable {
  user_id: string;
  party_id: string;
  joined_at: Date;
}

export interface PersonSealTable {
  person_id: string;
  court: string;
  order_ref: string;
  sealed_on: ColumnType<string, string, string>;
  sealed_at: Date;
  sealed_by: string;
}

export interface UserTable {
  id: string;
  name: string;
  role: string;
  created_at: Date;
  disabled_at: Date | null;
}

export interface ScreeningTable {
  id: string;
  person_id: string;
  agreement_id: string;
  policy_id: string;
  policy_version: number;
  as_of: string;
  outcome: 'eligible' | 'pending' | 'ineligible';
  /** Every rule's evaluation, as the engine produced it. */
  rules: Json<RuleEvaluation[]>;
  inputs_hash: string;
  person_version: number;
  recorded_at: Date;
  actor: string;
  /** The transfer it was made for: a step's screening, or a re-screening after the person's facts changed. */
  transfer_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** Why it was made, e.g. `notice_recorded`; null for a screening asked for directly. */
  reason: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface TransferTable {
  id: string;
  person_id: string;
  agreement_id: string;
  status: string;
  /** `outbound`, or a `return` or `repatriation` out of the receiving facility (migration 0018). */
  direction: ColumnType<Direction, Direction | undefined, Direction>;
  /** For a return or repatriation: the transfer that brought the person. */
  return_of: ColumnType<string | null, string | null | undefined, string | null>;
  state: Json<unknown>;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface TransferHistoryTable {
  transfer_id: string;
  version: number;
  // Only the projection writes these, from a transfer event (transfers/store.ts).
  action: TransferStep;
  from_status: TransferStatus | null;
  to_status: TransferStatus;
  actor: string;
  role: string;
  reason_code: string | null;
  at: Date;
  /** The event's fields besides the step itself: the screening, hold, lift, manifest or court order. */
  details: Json<TransferStepDetails>;
}

/** What a transfer history row keeps of its event besides the columns of the step. */
export type TransferStepDetails = Omit<
  TransferEvent,
  'type' | 'transferId' | 'from' | 'to' | 'action' | 'actorId' | 'role' | 'reasonCode' | 'at'
>;

export interface ManifestTable {
  id: string;
  facility_id: string;
  status: 'open' | 'departed' | 'arrived' | 'closed';
  direction: ColumnType<Direction, Direction | undefined, Direction>;
  scheduled_departure: Date;
  state: Json<unknown>;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface ManifestEntryTable {
  manifest_id: string;
  transfer_id: string;
  person_id: string;
  status: 'added' | 'boarded' | 'received' | 'handed_over' | 'exception';
  exception_kind: string | null;
}

export interface CustodyIntervalTable {
  id: string;
  person_id: string;
  agreement_id: string;
  facility_id: string;
  transfer_id: string;
  manifest_id: string | null;
  started_at: Date;
  ended_at: Date | null;
  release_reason: string | null;
}

export interface NotificationObligationTable {
  id: string;
  person_id: string;
  custody_interval_id: string;
  rule: string;
  source: string;
  recipients: Json<string[]>;
  due_at: Date;
  fulfilled_at: Date | null;
}

export interface HousingAssignmentTable {
  id: string;
  person_id: string;
  facility_id: string;
  cell_id: string;
  custody_interval_id: string;
  assigned_at: Date;
  ended_at: Date | null;
  end_reason: string | null;
}

type Decimal = ColumnType<string | null, number | null, number | null>;

export interface RegimeLogTable {
  facility_id: string;
  cell_id: string;
  date: ColumnType<string, string, string>;
  minutes_out_of_cell: number | null;
  outdoor_exercise_minutes: number | null;
  night_light_hours: Decimal;
  bedding_provided: boolean | null;
  drinking_water_litres_per_person: Decimal;
  meals_served: number | null;
  family_contacts: number | null;
  legal_visits: number | null;
  consular_visits: number | null;
  restraints_outside_transport: boolean | null;
  note: string | null;
  version: number;
  recorded_at: Date;
  actor: string;
}

export interface IncidentTable {
  id: string;
  facility_id: string;
  /** Written only by the projection of `incident.reported`, whose kind the decision checked. */
  kind: IncidentKind;
  person_id: string | null;
  cell_id: string | null;
  occurred_at: Date;
  description: string;
  status: 'open' | 'under_review' | 'closed' | 'reopened';
  reported_at: Date;
  reported_by: string;
  next_of_kin_notified_at: Date | null;
  next_of_kin_recipient: string | null;
  authority_notified_at: Date | null;
  authority_recipient: string | null;
  updated_at: Date;
}

export interface IncidentHistoryTable {
  incident_id: string;
  at: Date;
  seq: number;
  action: string;
  from_status: string | null;
  to_status: string | null;
  note: string;
  actor: string;
}

export interface HeadcountTable {
  id: string;
  facility_id: string;
  counted_at: Date;
  counted: number;
  expected: number;
  incident_id: string | null;
  actor: string;
}

export interface InvoiceTable {
  id: string;
  number: number;
  agreement_id: string;
  kind: 'invoice' | 'supplementary' | 'credit_note';
  month: string;
  references_id: string | null;
  status: 'draft' | 'issued' | 'partially_paid' | 'paid';
  currency: string;
  zone: string;
  schedule_versions: number[];
  clause: string | null;
  total_days: number;
  total_cents: ColumnType<number, number, number>;
  paid_cents: ColumnType<number, number | undefined, number>;
  credited_cents: ColumnType<number, number | undefined, number>;
  reason: string | null;
  drafted_at: Date;
  issued_at: Date | null;
  due_on: string | null;
}

export interface InvoiceLineTable {
  invoice_id: string;
  line_no: number;
  kind: 'person' | 'lump_sum' | 'credit';
  ref: string;
  person_id: string | null;
  days: number;
  amount_cents: number;
  parts: Json<unknown>;
}

export interface PaymentTable {
  id: string;
  invoice_id: string;
  amount_cents: number;
  received_on: string;
  reference: string;
  recorded_at: Date;
  recorded_by: string;
}

export interface ReportObligationTable {
  agreement_id: string;
  report: string;
  period: string;
  due_on: string;
  submitted_at: Date | null;
  submitted_by: string | null;
  note: string | null;
}

export interface LocatorLookupTable {
  id: string;
  actor: string;
  role: string;
  /** The person the lookup matched; null for a miss, which keeps nothing of what was asked. */
  person_id: string | null;
  query_form: 'a_number' | 'name';
  channel: 'api' | 'cli';
  looked_up_at: Date;
}

export interface IsolationPlacementTable {
  id: string;
  facility_id: string;
  person_id: string;
  custody_interval_id: string;
  cell_id: string;
  reason: string;
  authorised_by: string;
  lighting: 'normal' | 'dark' | 'constant';
  started_at: Date;
  ended_at: Date | null;
  end_note: string | null;
  recorded_at: Date;
  recorded_by: string;
}

export interface ConsularNotificationTable {
  custody_interval_id: string;
  person_id: string;
  facility_id: string;
  outcome: 'notified' | 'objected';
  consulate: string | null;
  outcome_at: Date;
  note: string | null;
  recorded_at: Date;
  recorded_by: string;
}

export interface ReleaseDateCalculationTable {
  id: string;
  person_id: string;
  reason: 'initial' | 'sentence_changed' | 'credits_changed' | 'court_order' | 'override';
  inputs_hash: string;
  inputs: Json<unknown>;
  computed: Json<unknown>;
  result: Json<unknown>;
  release_day: number | null;
  breakdown: Json<unknown>;
  override: Json<unknown> | null;
  current: boolean;
  calculated_at: Date;
  calculated_by: string;
}

export interface DetentionExplanationTable {
  id: string;
  person_id: string;
  custody_interval_id: string;
  order_reference: string;
  court: string;
  order_date: string;
  note: string | null;
  recorded_at: Date;
  recorded_by: string;
}

export interface StatisticsReleaseTable {
  id: string;
  /** The ledger entry (sequence number) of the release's `statistics.published` event. */
  ledger_seq: ColumnType<number, number, number>;
  scope: 'facility' | 'agreement';
  subject: string;
  from_date: ColumnType<string, string, string>;
  to_date: ColumnType<string, string, string>;
  on_date: ColumnType<string, string, string>;
  hash: string;
  figures: Json<unknown>;
  revises: string | null;
  published_at: Date;
  published_by: string;
}

export interface LegalVisitTable {
  id: string;
  person_id: string;
  facility_id: string;
  office_id: string | null;
  kind: 'in_person' | 'video' | 'phone';
  window_from: Date;
  window_to: Date;
  note: string | null;
  status: 'requested' | 'scheduled' | 'held' | 'not_held' | 'refused' | 'cancelled';
  requested_at: Date;
  requested_by: string;
  room: string | null;
  starts_at: Date | null;
  ends_at: Date | null;
  scheduled_by: string | null;
  reason_code: string | null;
  reason: string | null;
  closed_at: Date | null;
  closed_by: string | null;
}

export interface CourtTable {
  party_id: string;
  time_zone: string;
  jurisdiction: string | null;
  set_at: Date;
}

export interface HearingRoomTable {
  id: string;
  facility_id: string;
  code: string;
  name: string;
  /** The weekly schedule rows (src/hearings/rooms.ts `ScheduleRow`), in the facility's zone. */
  schedule: Json<unknown>;
  created_at: Date;
}

export interface RoomBlockTable {
  id: string;
  room_id: string;
  from_at: Date;
  to_at: Date;
  reason: string;
  blocked_at: Date;
  blocked_by: string;
}

export interface HearingTable {
  id: string;
  person_id: string;
  agreement_id: string;
  facility_id: string;
  court_id: string;
  room_id: string;
  hearing_type:
    | 'arraignment'
    | 'bail'
    | 'plea'
    | 'sentencing'
    | 'habeas'
    | 'immigration'
    | 'appeal'
    | 'other';
  starts_at: Date;
  ends_at: Date;
  pre_minutes: number;
  post_minutes: number;
  occupied_from: Date;
  occupied_to: Date;
  case_ref: string | null;
  video_url: string | null;
  counsel: string | null;
  interpreter: string | null;
  status: 'booked' | 'cancelled' | 'held' | 'adjourned' | 'not_produced';
  reason_code: 'refused' | 'unwell' | 'room_unavailable' | 'link_failed' | 'transferred' | 'released' | null;
  reason: string | null;
  version: number;
  booked_at: Date;
  booked_by: string;
  amended_at: Date | null;
  closed_at: Date | null;
  closed_by: string | null;
}

export interface HearingHistoryTable {
  hearing_id: string;
  version: number;
  kind: 'booked' | 'amended' | 'cancelled' | 'outcome';
  at: Date;
  actor: string;
  changed: Json<string[]>;
  details: Json<unknown>;
}
