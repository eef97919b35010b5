import { DPV, DPV_LEGAL_BASES, dpvPurposesOf } from './topic.dpv';

describe('DPV terms of a topic', () => {
  it('maps each legal basis to its DPV concept and its GDPR article in the DPV GDPR extension', () => {
    expect(DPV_LEGAL_BASES).toEqual({
      consent: ['https://w3id.org/dpv#Consent', 'https://w3id.org/dpv/legal/eu/gdpr#A6-1-a'],
      contract: ['https://w3id.org/dpv#Contract', 'https://w3id.org/dpv/legal/eu/gdpr#A6-1-b'],
      legitimate_interest: ['https://w3id.org/dpv#LegitimateInterest', 'https://w3id.org/dpv/legal/eu/gdpr#A6-1-f'],
    });
  });

  it('takes the declared purposes over the default of the legal basis', () => {
    const declared = [`${DPV}DirectMarketing`];
    expect(dpvPurposesOf({ legalBasis: 'consent', dpvPurposes: declared })).toEqual(declared);
  });

  it('defaults a contract topic to service provision and claims nothing narrower for the others', () => {
    expect(dpvPurposesOf({ legalBasis: 'contract' })).toEqual([`${DPV}ServiceProvision`]);
    expect(dpvPurposesOf({ legalBasis: 'consent' })).toEqual([`${DPV}Purpose`]);
    expect(dpvPurposesOf({ legalBasis: 'legitimate_interest' })).toEqual([`${DPV}Purpose`]);
  });
});
