/** Body of every error response: one shape across the API. */
export interface ErrorBody {
  code: string;
  message: string;
  /** Field path → what is wrong with it, for 400s. */
  fields?: Record<string, string>;
}
