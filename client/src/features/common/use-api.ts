import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiGet, ApiError } from '../../api/http';

export interface ApiState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload(): void;
}

/** GET a URL (null: nothing to load); refetches when the URL or the language changes. */
export function useApi<T>(url: string | null): ApiState<T> {
  const { i18n } = useTranslation();
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(url !== null);
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((value) => value + 1), []);

  useEffect(() => {
    if (url === null) return;
    let live = true;
    setLoading(true);
    apiGet<T>(url).then(
      (body) => {
        if (!live) return;
        setData(body);
        setError(undefined);
        setLoading(false);
      },
      (failure: unknown) => {
        if (!live) return;
        setError(
          failure instanceof ApiError
            ? failure
            : new ApiError({ type: 'about:blank', title: String(failure), status: 0, detail: '', code: 'network' }),
        );
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [url, tick, i18n.language]);

  return { data, error, loading, reload };
}
