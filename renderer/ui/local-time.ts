/** The value format of an <input type="datetime-local">: a minute in the user's own time zone. */
export const LOCAL_MINUTE = "yyyy-MM-dd'T'HH:mm";
