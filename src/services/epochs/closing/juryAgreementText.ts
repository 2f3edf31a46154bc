import type { Agreement } from "../../calibration/agreement.ts";

const two = (n: number) => n.toFixed(2);
const one = (n: number) => n.toFixed(1);

/**
 * The jury's agreement in one line, for the distribution proposal and `/epoch status`, e.g.
 * "Jury agreement: 0.82 (Spearman, 6 items, 2 jurors); mean difference 0.6 points." — and, below
 * CALIBRATION_MIN_AGREEMENT, a plain warning.
 */
export function juryAgreementText(a: Agreement & { sampled: number }, minAgreement: number): string {
  if (a.reviews === 0) return `Jury: ${a.sampled} contribution(s) sampled, none reviewed yet.`;
  const size = `${a.items} item(s), ${a.jurors} juror(s)`;
  const diff = a.overall.meanDifference === null ? "" : `; mean difference ${one(a.overall.meanDifference)} points`;
  const rho = a.overall.spearman;
  const head =
    rho === null
      ? `Jury agreement: not measurable (Spearman needs two items with different scores; ${size})${diff}.`
      : `Jury agreement: ${two(rho)} (Spearman, ${size})${diff}.`;
  return rho !== null && rho < minAgreement
    ? `${head} Below the minimum of ${two(minAgreement)}: the model's scores and the jury's disagree, check the sampled evaluations before voting.`
    : head;
}
