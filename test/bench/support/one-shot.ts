import type { Pool } from 'pg';

/**
 * The limit: a whole approval — fund lock, balance check, approval, journal entry, postings,
 * balances, hash-chained entry and audit event, chain head, request state, outbox row — as ONE round
 * trip, a PL/pgSQL function called once. The function is created by the bench in its own database,
 * never by the migrations. It writes the same rows the service writes, with the same canonical
 * JSON and sha256 chain as src/ledger/hash-chain.ts, so the ledger verifier still passes afterwards.
 */
const ONE_SHOT_FUNCTION = String.raw`
CREATE OR REPLACE FUNCTION bench_one_shot_approve(p_request uuid, p_approver uuid, p_org uuid) RETURNS void LANGUAGE plpgsql AS $fn$
DECLARE
  v_fund uuid; v_seq bigint; v_head text; v_status text; v_amount numeric; v_title text;
  v_avail uuid; v_balance numeric; v_committed uuid;
  v_now timestamptz := date_trunc('milliseconds', clock_timestamp());
  v_iso text; v_date date; v_entry uuid := gen_random_uuid(); v_memo text; v_postings text; v_canon text; v_hash text;
  v_event uuid; v_event_hash text; v_salt text; v_digest text;
BEGIN
  SELECT fund_id INTO v_fund FROM requests WHERE id = p_request;
  SELECT chain_seq, chain_head INTO v_seq, v_head FROM funds WHERE id = v_fund FOR UPDATE;
  SELECT status, amount, title INTO v_status, v_amount, v_title FROM requests WHERE id = p_request FOR UPDATE;
  IF v_status <> 'submitted' THEN RAISE EXCEPTION 'request is %', v_status; END IF;
  SELECT id, balance INTO v_avail, v_balance FROM ledger_accounts WHERE fund_id = v_fund AND code = 'available';
  SELECT id INTO v_committed FROM ledger_accounts WHERE fund_id = v_fund AND code = 'committed';
  IF v_balance < v_amount THEN RAISE EXCEPTION 'insufficient funds'; END IF;

  INSERT INTO request_approvals (request_id, approver_id, approver_role, organisation_id, comment, created_at)
  VALUES (p_request, p_approver, 'budget_holder', p_org, '', v_now);

  v_iso := to_char(v_now AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
  v_date := (v_now AT TIME ZONE 'Europe/Amsterdam')::date;
  v_memo := 'reservering voor aanvraag "' || v_title || '"';
  v_seq := v_seq + 1;
  SELECT string_agg(format('{"accountId":%s,"amount":%s}', to_json(a::text), to_json(m)), ',' ORDER BY a::text COLLATE "C", m COLLATE "C")
    INTO v_postings
    FROM (VALUES (v_avail, round(-v_amount, 2)::text), (v_committed, round(v_amount, 2)::text)) AS p(a, m);
  v_canon := '{"actorId":' || to_json(p_approver::text) || ',"chainSeq":' || to_json(v_seq::text) || ',"contributionId":null'
    || ',"effectiveDate":' || to_json(v_date::text) || ',"fundId":' || to_json(v_fund::text) || ',"id":' || to_json(v_entry::text)
    || ',"kind":"reservation","memo":' || to_json(v_memo) || ',"paymentId":null,"postings":[' || v_postings || ']'
    || ',"recordedAt":' || to_json(v_iso) || ',"requestId":' || to_json(p_request::text) || ',"reversesEntryId":null,"type":"journal_entry"}';
  v_hash := encode(sha256(convert_to(v_head || v_canon, 'UTF8')), 'hex');
  INSERT INTO journal_entries (id, fund_id, chain_seq, kind, effective_date, recorded_at, actor_id, request_id, memo, prev_hash, hash)
  VALUES (v_entry, v_fund, v_seq, 'reservation', v_date, v_now, p_approver, p_request, v_memo, v_head, v_hash);
  INSERT INTO journal_postings (entry_id, account_id, amount) VALUES (v_entry, v_avail, -v_amount), (v_entry, v_committed, v_amount);
  UPDATE ledger_accounts SET balance = balance - v_amount WHERE id = v_avail;
  UPDATE ledger_accounts SET balance = balance + v_amount WHERE id = v_committed;

  v_seq := v_seq + 1;
  -- chain format 2 (hash-chain.ts): the reason is chained as sha256 of ["request_event.reason", salt, reason]
  v_salt := md5(random()::text || clock_timestamp()::text);
  v_digest := encode(sha256(convert_to('["request_event.reason",' || to_json(v_salt) || ',"akkoord"]', 'UTF8')), 'hex');
  v_canon := '{"actorId":' || to_json(p_approver::text) || ',"actorRole":"budget_holder","chainSeq":' || to_json(v_seq::text)
    || ',"createdAt":' || to_json(v_iso) || ',"format":2,"fromStatus":"submitted","fundId":' || to_json(v_fund::text)
    || ',"reasonDigest":' || to_json(v_digest) || ',"requestId":' || to_json(p_request::text) || ',"toStatus":"approved","type":"request_event"}';
  v_event_hash := encode(sha256(convert_to(v_hash || v_canon, 'UTF8')), 'hex');
  INSERT INTO request_events (request_id, fund_id, chain_seq, actor_id, actor_role, from_status, to_status, reason, created_at, prev_hash, hash,
                              chain_format, reason_salt, reason_digest)
  VALUES (p_request, v_fund, v_seq, p_approver, 'budget_holder', 'submitted', 'approved', 'akkoord', v_now, v_hash, v_event_hash,
          2, v_salt, v_digest)
  RETURNING id INTO v_event;
  INSERT INTO notification_outbox (event_id, request_id, created_at) VALUES (v_event, p_request, v_now);
  UPDATE funds SET chain_seq = v_seq, chain_head = v_event_hash WHERE id = v_fund;
  UPDATE requests SET status = 'approved', committed_amount = amount, decided_at = v_now, updated_at = v_now, version = version + 1
   WHERE id = p_request;
END
$fn$`;

export async function createOneShot(pool: Pool): Promise<void> {
  await pool.query(ONE_SHOT_FUNCTION);
}

/** One approval, one round trip (autocommit: the function's statement is its own transaction). */
export async function oneShotApprove(pool: Pool, requestId: string, approver: { id: string; organisationId: string }): Promise<void> {
  await pool.query('SELECT bench_one_shot_approve($1, $2, $3)', [requestId, approver.id, approver.organisationId]);
}
