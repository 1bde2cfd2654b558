export { listServiceLines, listUnits, listMunicipalities, unitServiceLine } from './org.queries';
export { seedReferenceData } from './seed-reference';
export { MUNICIPALITIES, SERVICE_LINES } from './pirkanmaa';
