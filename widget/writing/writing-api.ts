/**
 * The endpoints readers write with, one line each, on the thread's one client (api.ts):
 * loaded with the form, so none of them is in what readers download first.
 */
import type { LikeRequest, LikeState, NewCommentRequest, PostedComment } from '../../shared/wire.ts';
import type { Api } from '../api.ts';

export const postComment = (api: Api, input: NewCommentRequest) =>
  api.send<PostedComment>('POST', 'api/v1/comments', { body: input, asReader: true });

export const getLikes = (api: Api, site: string, page: string, liker: string) =>
  api.send<LikeState>('GET', 'api/v1/likes', { query: { site, page, liker } });

export const putLike = (api: Api, input: LikeRequest) => api.send<LikeState>('PUT', 'api/v1/likes', { body: input });
