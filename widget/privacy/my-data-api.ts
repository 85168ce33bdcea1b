/** The reader's own data on the server, one line per endpoint (in the writing chunk, never in what readers download first). */
import type { ErasureSummary, MyDataRequest, PersonalDataAnswer } from '../../shared/privacy.ts';
import type { Api } from '../api.ts';

/** What proves whose data it is: the session (sent as the reader), this browser's guest comments with their secrets, its liker id. */
export type MyDataProof = Pick<MyDataRequest, 'comments'> & { site: string; liker?: string | undefined };

export const fetchMyData = (api: Api, proof: MyDataProof) =>
  api.send<PersonalDataAnswer>('POST', 'api/v1/my-data', { asReader: true, body: proof });

export const eraseMyData = (api: Api, proof: MyDataProof) =>
  api.send<ErasureSummary>('POST', 'api/v1/my-data/erase', { asReader: true, body: { ...proof, confirm: true } });
