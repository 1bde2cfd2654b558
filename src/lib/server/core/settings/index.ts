export {
	parseSettings,
	settingsReader,
	validateSettings,
	SettingsError,
	type SettingsProblem,
	type SettingsSchema
} from './settings';
export {
	choiceSetting,
	flagSetting,
	numberSetting,
	optionalFlagSetting,
	optionalNumberSetting,
	optionalTextSetting,
	textSetting,
	urlSetting
} from './values';
