/** A camt.053.001.08 statement as a bank would send it, for tests (amounts are given as text, as on the wire). */
export interface CamtEntry {
  amount: string;
  currency?: string;
  direction?: 'DBIT' | 'CRDT';
  endToEndId?: string;
  returnReason?: string;
  status?: string;
}

export function camt053(opts: { messageId?: string; statementId: string; iban?: string; entries: CamtEntry[]; namespace?: string }): string {
  const ns = opts.namespace ?? 'urn:iso:std:iso:20022:tech:xsd:camt.053.001.08';
  const entries = opts.entries
    .map((e, i) => {
      const ccy = e.currency ?? 'EUR';
      const ret = e.returnReason ? `\n              <RtrInf><Rsn><Cd>${e.returnReason}</Cd></Rsn></RtrInf>` : '';
      return `
      <Ntry>
        <NtryRef>${i + 1}</NtryRef>
        <Amt Ccy="${ccy}">${e.amount}</Amt>
        <CdtDbtInd>${e.direction ?? 'DBIT'}</CdtDbtInd>
        <Sts><Cd>${e.status ?? 'BOOK'}</Cd></Sts>
        <BookgDt><Dt>2026-12-03</Dt></BookgDt>
        <ValDt><Dt>2026-12-03</Dt></ValDt>
        <AcctSvcrRef>BANK-${opts.statementId}-${i + 1}</AcctSvcrRef>
        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>ICDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
        <NtryDtls>
          <TxDtls>
            <Refs><EndToEndId>${e.endToEndId ?? 'NOTPROVIDED'}</EndToEndId></Refs>
            <Amt Ccy="${ccy}">${e.amount}</Amt>
            <CdtDbtInd>${e.direction ?? 'DBIT'}</CdtDbtInd>${ret}
          </TxDtls>
        </NtryDtls>
      </Ntry>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="${ns}">
  <BkToCstmrStmt>
    <GrpHdr>
      <MsgId>${opts.messageId ?? `MSG-${opts.statementId}`}</MsgId>
      <CreDtTm>2026-12-03T18:00:00+01:00</CreDtTm>
    </GrpHdr>
    <Stmt>
      <Id>${opts.statementId}</Id>
      <CreDtTm>2026-12-03T18:00:00+01:00</CreDtTm>
      <Acct>
        <Id><IBAN>${opts.iban ?? 'NL02ABNA0123456789'}</IBAN></Id>
        <Ccy>EUR</Ccy>
      </Acct>${entries}
    </Stmt>
  </BkToCstmrStmt>
</Document>
`;
}
