export {
	purgeExpired,
	type CoreRetentionPolicy,
	type CoreRetentionResult
} from './retention.service';
