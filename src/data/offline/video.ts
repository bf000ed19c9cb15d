// Video-streaming intents: titles, genres, episodes and cast devices come from the world
// catalogue so every call plays, rates or downloads something that exists.
import { call, type Intent, type IntentContext } from "./intent.js";
import { CAST_DEVICES, TITLES } from "./lexicon.js";
import { numberWords, sayNumber } from "./spoken.js";

const GENRES: Array<[string, string]> = [["sci-fi", "sci-fi"], ["science fiction", "sci-fi"], ["comedy", "comedy"], ["funny", "comedy"],
  ["drama", "drama"], ["action", "action"], ["horror", "horror"], ["scary", "horror"], ["thriller", "thriller"], ["animated", "animation"],
  ["romance", "romance"], ["romantic", "romance"], ["documentary", "documentary"], ["crime", "crime"]];

const title = ({ dice }: IntentContext) => dice.pick(TITLES).title;

export const searchMovies: Intent = {
  id: "video.search", domain: "video", functions: ["search_movies"],
  say: ["search for {title}", "look up {title} on the streaming app", "find {title}", "search movies for {title}", "see if {title} is available"],
  ask: ["is {title} on there?", "can I stream {title}?", "where can I watch {title}?"],
  steps: [["Search for {title}", "Search the catalogue for {title}"]],
  bind(context: IntentContext) {
    const name = title(context);
    return { slots: { title: name }, calls: [call("search_movies", { query: name })] };
  },
};

export const play: Intent = {
  id: "video.play", domain: "video", functions: ["play_video"],
  say: ["play {title}", "put on {title}", "start {title}", "start watching {title}", "stream {title}", "resume {title}"],
  ask: ["let's watch {title}", "{title}, play it", "I wanna watch {title}"],
  steps: [["Play {title}", "Start playing {title}"]],
  bind(context: IntentContext) {
    const name = title(context);
    return { slots: { title: name }, calls: [call("play_video", { title: name })] };
  },
};

export const watchlist: Intent = {
  id: "video.watchlist", domain: "video", functions: ["add_to_watchlist"],
  say: ["add {title} to my watchlist", "save {title} for later", "put {title} on my list", "bookmark {title} to watch later"],
  ask: ["remind me to watch {title} sometime", "{title} → watchlist"],
  steps: [["Add {title} to the watchlist", "Save {title} to the watchlist"]],
  bind(context: IntentContext) {
    const name = title(context);
    return { slots: { title: name }, calls: [call("add_to_watchlist", { title: name })] };
  },
};

export const recommend: Intent = {
  id: "video.recommend", domain: "video", functions: ["get_recommendations"],
  say: ["recommend some {genre} movies", "suggest a good {genre} show", "get me {genre} recommendations", "find something {genre} to watch"],
  ask: ["what should I watch tonight? something {genre}", "any good {genre} movies?", "I'm in the mood for something {genre}"],
  steps: [["Get {canonical} recommendations", "Get recommendations for {canonical} titles"]],
  bind({ dice }: IntentContext) {
    const [genre, canonical] = dice.pick(GENRES);
    return { slots: { genre, canonical }, calls: [call("get_recommendations", { genre: canonical })] };
  },
};

export const rate: Intent = {
  id: "video.rate", domain: "video", functions: ["rate_title"],
  say: ["rate {title} {stars} stars", "give {title} {stars} out of 5", "leave a {stars}-star rating for {title}", "score {title} {stars} stars"],
  ask: ["{title} was worth {stars} stars", "I'd give {title} {stars} stars"],
  steps: [["Rate {title} {starsDigits} stars", "Give {title} a {starsDigits}-star rating"]],
  bind(context: IntentContext) {
    const stars = context.dice.integer(1, 5);
    const name = title(context);
    return { slots: { title: name, stars: sayNumber(context.dice, stars, 0.5), starsDigits: String(stars) }, calls: [call("rate_title", { title: name, stars })] };
  },
};

export const download: Intent = {
  id: "video.download", domain: "video", functions: ["download_episode"],
  say: ["download season {season} episode {episode} of {show}", "download {show} s{seasonPadded}e{episodePadded}", "save episode {episode} of season {season} of {show} for offline",
    "grab {show} season {season}, episode {episode} for the flight"],
  ask: ["can I get {show} S{seasonDigits}E{episodeDigits} offline?"],
  steps: [["Download {show} season {seasonDigits} episode {episodeDigits}", "Download episode {episodeDigits} of season {seasonDigits} of {show}"]],
  bind({ dice }: IntentContext) {
    const show = dice.pick(TITLES.filter((entry) => entry.kind === "show"));
    const seasonIndex = dice.integer(0, show.seasons!.length - 1);
    const episode = dice.integer(1, show.seasons![seasonIndex]!);
    const season = seasonIndex + 1;
    const pad = (value: number) => String(value).padStart(2, "0");
    return { slots: { show: show.title, season: dice.chance(0.3) ? numberWords(season) : String(season), episode: String(episode),
      seasonPadded: pad(season), episodePadded: pad(episode), seasonDigits: String(season), episodeDigits: String(episode) },
    calls: [call("download_episode", { show: show.title, season, episode })] };
  },
};

export const cast: Intent = {
  id: "video.cast", domain: "video", functions: ["cast_to_tv"],
  say: ["cast to the {device}", "put it on the {device}", "send the video to the {device}", "mirror to the {device}", "cast my screen to the {device}"],
  ask: ["can you throw this on the {device}?", "{device}, cast"],
  steps: [["Cast to the {name}", "Cast the video to the {name}"]],
  bind({ dice }: IntentContext) {
    const device = dice.pick(CAST_DEVICES);
    return { slots: { device: dice.pick([device.name, device.name.toLowerCase()]), name: device.name }, calls: [call("cast_to_tv", { device_name: device.name })] };
  },
};

export const VIDEO: Intent[] = [searchMovies, play, watchlist, recommend, rate, download, cast];
