/** A regex matching every integer greater than n (linkinator's --skip is a regex; it splits values on commas). */
export function integersAbove(n: number): string {
  const digits = String(n);
  const options: string[] = [];
  options.push(`[1-9]${'\\d'.repeat(digits.length)}\\d*`); // more digits than n
  for (let i = 0; i < digits.length; i++) {
    const d = Number(digits[i]);
    if (d === 9) continue;
    options.push(`${digits.slice(0, i)}[${d + 1}-9]${'\\d'.repeat(digits.length - i - 1)}`);
  }
  return `(${options.join('|')})(&|$)`;
}
