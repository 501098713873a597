import type { Lang } from "../core/languages.js";
// The 17 UN Sustainable Development Goals with their official short names.

export const SDG_NAMES: Record<Lang, readonly string[]> = {
  sv: [
    "Ingen fattigdom",
    "Ingen hunger",
    "God hälsa och välbefinnande",
    "God utbildning för alla",
    "Jämställdhet",
    "Rent vatten och sanitet för alla",
    "Hållbar energi för alla",
    "Anständiga arbetsvillkor och ekonomisk tillväxt",
    "Hållbar industri, innovationer och infrastruktur",
    "Minskad ojämlikhet",
    "Hållbara städer och samhällen",
    "Hållbar konsumtion och produktion",
    "Bekämpa klimatförändringarna",
    "Hav och marina resurser",
    "Ekosystem och biologisk mångfald",
    "Fredliga och inkluderande samhällen",
    "Genomförande och globalt partnerskap",
  ],
  en: [
    "No Poverty",
    "Zero Hunger",
    "Good Health and Well-being",
    "Quality Education",
    "Gender Equality",
    "Clean Water and Sanitation",
    "Affordable and Clean Energy",
    "Decent Work and Economic Growth",
    "Industry, Innovation and Infrastructure",
    "Reduced Inequalities",
    "Sustainable Cities and Communities",
    "Responsible Consumption and Production",
    "Climate Action",
    "Life Below Water",
    "Life on Land",
    "Peace, Justice and Strong Institutions",
    "Partnerships for the Goals",
  ],
  de: [
    "Keine Armut",
    "Kein Hunger",
    "Gesundheit und Wohlergehen",
    "Hochwertige Bildung",
    "Geschlechtergleichheit",
    "Sauberes Wasser und Sanitäreinrichtungen",
    "Bezahlbare und saubere Energie",
    "Menschenwürdige Arbeit und Wirtschaftswachstum",
    "Industrie, Innovation und Infrastruktur",
    "Weniger Ungleichheiten",
    "Nachhaltige Städte und Gemeinden",
    "Nachhaltige/r Konsum und Produktion",
    "Maßnahmen zum Klimaschutz",
    "Leben unter Wasser",
    "Leben an Land",
    "Frieden, Gerechtigkeit und starke Institutionen",
    "Partnerschaften zur Erreichung der Ziele",
  ],
};

export const SDGS: readonly number[] = Array.from({ length: 17 }, (_, index) => index + 1);

export function sdgName(goal: number, lang: Lang): string {
  return SDG_NAMES[lang][goal - 1] ?? String(goal);
}
