export {
	HELSINKI,
	addDays,
	endOfHelsinkiDay,
	helsinkiDateText,
	helsinkiDay,
	helsinkiDayAfter,
	isHelsinkiDay,
	startOfHelsinkiDay
} from './helsinki';
