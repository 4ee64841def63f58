import { formatEuro } from '../common/money';
import { reasonCodeOf } from './reason-codes';

describe('reasonCodeOf', () => {
  it('codes the fixed texts of the workflow', () => {
    expect(reasonCodeOf('ingediend')).toEqual({ code: 'submitted', params: {} });
    expect(reasonCodeOf('opnieuw ingediend na vraag om informatie')).toEqual({ code: 'resubmitted', params: {} });
    expect(reasonCodeOf('akkoord (tweede akkoord)')).toEqual({ code: 'approved_second', params: {} });
    expect(reasonCodeOf('geannuleerd')).toEqual({ code: 'cancelled', params: {} });
  });

  it('keeps the comment of a first approval as a parameter', () => {
    expect(reasonCodeOf('eerste akkoord (1 van 2)')).toEqual({ code: 'first_approval', params: { needed: '2' } });
    expect(reasonCodeOf('eerste akkoord (1 van 2): prima plan')).toEqual({ code: 'first_approval', params: { needed: '2', comment: 'prima plan' } });
  });

  it('reads amounts back as decimal strings', () => {
    const text = `Binnen mandaat: ${formatEuro('1250.5')} valt binnen het mandaat van de aanvrager (${formatEuro('2500')}).`;
    expect(reasonCodeOf(text)).toEqual({ code: 'within_mandate', params: { amount: '1250.50', mandate: '2500.00' } });
    expect(reasonCodeOf(`achteraf geregistreerd: ${text}`)?.params.retroactive).toBe('true');
    expect(reasonCodeOf(`deelbetaling ${formatEuro('100')}, referentie INV-1; nog gereserveerd ${formatEuro('400')}`)).toEqual({
      code: 'paid', params: { amount: '100.00', reference: 'INV-1', partial: 'true', remaining: '400.00' },
    });
    expect(reasonCodeOf(`betaald ${formatEuro('3000')}, referentie NS 2026/1`)).toEqual({
      code: 'paid', params: { amount: '3000.00', reference: 'NS 2026/1', partial: 'false' },
    });
  });

  it('leaves what a person typed without a code', () => {
    expect(reasonCodeOf('Past beter binnen de schuldhulp.')).toBeNull();
    expect(reasonCodeOf('')).toBeNull();
  });
});
